namespace Registry.Core.Data.Entities;

/// <summary>A publisher's registry, known publicly by its alias (the first part of every repository name).</summary>
public sealed class PublicRegistry
{
    public long Id { get; set; }

    public required string Alias { get; set; }

    public string? DisplayName { get; set; }

    public bool Verified { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<Repository> Repositories { get; set; } = [];
}
