namespace Registry.Core.Data.Entities;

/// <summary>A blob upload in progress. Kept in the database so any process can continue it; its bytes are in the blob store.</summary>
public sealed class UploadSession
{
    public Guid Id { get; set; }

    public required string RepositoryName { get; set; }

    /// <summary>Bytes received so far: the offset the next chunk must start at.</summary>
    public long Size { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
