namespace Registry.Core.Storage;

/// <summary>The blob store did not answer, or not in time: the request may succeed later (503 with Retry-After).</summary>
public sealed class BlobStoreUnavailableException(string message, Exception inner) : Exception(message, inner);
