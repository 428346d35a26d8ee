namespace Registry.Core.Data.Entities;

public sealed class Tag
{
    public long RepositoryId { get; set; }

    public required string Name { get; set; }

    public long ManifestId { get; set; }

    public Manifest Manifest { get; set; } = null!;

    public DateTime UpdatedAt { get; set; }
}
