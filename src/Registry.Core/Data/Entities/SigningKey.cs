namespace Registry.Core.Data.Entities;

/// <summary>A key that signs registry tokens. Kept in the database (encrypted) so every node and every restart verifies the same tokens; rotated by adding a newer one.</summary>
public sealed class SigningKey
{
    public required string Id { get; set; }

    public required string ProtectedPrivateKey { get; set; }

    public DateTime CreatedAt { get; set; }
}
