namespace Registry.Core.Data.Entities;

/// <summary>
/// A publisher's subscription: events of one repository (<see cref="RepositoryName"/>, the name inside the alias) or
/// of every repository of its registry (null) are POSTed to <see cref="Url"/>, signed with the secret.
/// </summary>
public sealed class Webhook
{
    public long Id { get; set; }

    /// <summary>The owning registry's database key (<see cref="PublicRegistry.Id"/>).</summary>
    public long RegistryKey { get; set; }

    public PublicRegistry Registry { get; set; } = null!;

    public string? RepositoryName { get; set; }

    public required string Url { get; set; }

    /// <summary>The signing secret, encrypted with the data-protection keys (it must be read back to sign).</summary>
    public required string ProtectedSecret { get; set; }

    /// <summary>The webhook event names it wants (<c>image.pushed</c>, ...).</summary>
    public List<string> Events { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
