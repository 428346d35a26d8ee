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

    /// <summary>The blob store's own notes on the upload's bytes (an object store's multipart upload and parts).</summary>
    public string? StoreState { get; set; }

    /// <summary>The request writing to the upload right now, if any; any node may take over once the hold expires.</summary>
    public Guid? HoldId { get; set; }

    public DateTime? HoldExpiresAt { get; set; }
}
