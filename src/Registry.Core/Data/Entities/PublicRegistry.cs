namespace Registry.Core.Data.Entities;

/// <summary>A publisher's registry, known publicly by its alias (the first part of every repository name).</summary>
public sealed class PublicRegistry
{
    public long Id { get; set; }

    /// <summary>The twelve-digit registry id of the ECR Public API (an AWS account number there).</summary>
    public required string RegistryId { get; set; }

    public required string Alias { get; set; }

    /// <summary>The alias the registry was created with; the owner may change <see cref="Alias"/> to a custom one.</summary>
    public required string DefaultAlias { get; set; }

    public string? OwnerId { get; set; }

    public Account? Owner { get; set; }

    public string? DisplayName { get; set; }

    /// <summary>Logo bytes live in the blob store under this digest; the media type says PNG or JPEG.</summary>
    public string? LogoDigest { get; set; }

    public string? LogoMediaType { get; set; }

    public bool Verified { get; set; }

    /// <summary>When on, a push to a missing repository under this alias creates it (off by default, as on ECR Public).</summary>
    public bool CreateOnPush { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Its repositories holding an image (public in the gallery), kept as they change.</summary>
    public int PublicRepositoryCount { get; set; }

    public List<Repository> Repositories { get; set; } = [];
}
