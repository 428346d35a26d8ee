namespace Registry.Core.Data.Entities;

/// <summary>
/// An API credential: the access key id is public, the secret is shown once. SigV4 needs the secret itself to verify
/// signatures, so it is stored encrypted with the data-protection keys, never in plain text.
/// </summary>
public sealed class AccessKey
{
    public required string Id { get; set; }

    public required string AccountId { get; set; }

    public Account Account { get; set; } = null!;

    public required string ProtectedSecret { get; set; }

    public string? Description { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? LastUsedAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}
