namespace Registry.Core.Storage;

/// <summary>Where an upload stands: its id, the bytes it holds, and the store's own notes on it (opaque to callers).</summary>
/// <param name="State">For an object store, the open multipart upload and its parts; null for a filesystem.</param>
public sealed record UploadCursor(Guid Id, long Size, string? State)
{
    public static UploadCursor Start(Guid id) => new(id, 0, null);
}
