namespace Registry.Core.Data.Entities;

/// <summary>A key/value tag on a repository (TagResource), not to be confused with an image tag.</summary>
public sealed class ResourceTag
{
    public long RepositoryId { get; set; }

    public required string Key { get; set; }

    public required string Value { get; set; }
}
