namespace Registry.Core.Data.Entities;

public sealed class Repository
{
    public long Id { get; set; }

    /// <summary>The owning registry's database key (<see cref="PublicRegistry.Id"/>; its public 12-digit id is <see cref="PublicRegistry.RegistryId"/>).</summary>
    public long RegistryKey { get; set; }

    public PublicRegistry Registry { get; set; } = null!;

    /// <summary>The name inside the registry alias.</summary>
    public required string Name { get; set; }

    /// <summary><c>alias/name</c>, unique; what clients address.</summary>
    public required string FullName { get; set; }

    public DateTime CreatedAt { get; set; }

    // Catalog data: what the gallery shows (ECR Public's RepositoryCatalogData).
    public string? Description { get; set; }

    public string? AboutText { get; set; }

    public string? UsageText { get; set; }

    public List<string> Architectures { get; set; } = [];

    public List<string> OperatingSystems { get; set; } = [];

    /// <summary>Logo bytes live in the blob store under this digest; the media type says PNG or JPEG.</summary>
    public string? LogoDigest { get; set; }

    public string? LogoMediaType { get; set; }

    public DateTime? CatalogUpdatedAt { get; set; }

    /// <summary>The repository policy document (IAM-style JSON) as set, or null.</summary>
    public string? PolicyText { get; set; }

    public long PullCount { get; set; }

    public DateTime? LastPulledAt { get; set; }

    /// <summary>Tags of this repository as last counted into the gallery's totals (<see cref="GalleryTotalsRow"/>).</summary>
    public int TagCount { get; set; }

    /// <summary>Whether it held an image when last counted: public in the gallery, counted in the totals.</summary>
    public bool HasImages { get; set; }

    public List<ResourceTag> ResourceTags { get; set; } = [];
}
