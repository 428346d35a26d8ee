namespace Registry.Core.Data.Entities;

/// <summary>Content the blob store holds, known by digest, shared by every repository that links it.</summary>
public sealed class Blob
{
    public required string Digest { get; set; }

    public long Size { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>A repository's claim on a blob: a blob is readable in a repository only through one.</summary>
public sealed class RepositoryBlob
{
    public long RepositoryId { get; set; }

    public required string Digest { get; set; }

    public DateTime LinkedAt { get; set; }
}
