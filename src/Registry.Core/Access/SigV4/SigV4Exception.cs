namespace Registry.Core.Access.SigV4;

/// <summary>Why a signed request was refused; the HTTP layer names it the way AWS does.</summary>
public enum SigV4Failure
{
    /// <summary>No Authorization header at all.</summary>
    Missing,

    /// <summary>An Authorization header or date that cannot be read.</summary>
    Incomplete,

    /// <summary>The access key is unknown, revoked or its account suspended.</summary>
    UnrecognizedClient,

    /// <summary>A wrong signature, scope or a date outside the clock window.</summary>
    InvalidSignature,
}

/// <summary>A request whose signature does not verify. Messages never contain secrets or the expected signature.</summary>
public sealed class SigV4Exception(SigV4Failure failure, string message) : Exception(message)
{
    public SigV4Failure Failure { get; } = failure;
}
