namespace Registry.Core.Access;

/// <summary>The caller may not do this; the message says what and why, without revealing secrets.</summary>
public sealed class AccessDeniedException(string message) : Exception(message);
