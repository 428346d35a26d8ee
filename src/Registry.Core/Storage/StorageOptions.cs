using Registry.Core.Storage.S3;

namespace Registry.Core.Storage;

/// <summary><c>Gallery:Storage</c>: where blobs live.</summary>
public sealed class StorageOptions
{
    public StorageProvider Provider { get; set; } = StorageProvider.FileSystem;

    public S3StorageOptions S3 { get; set; } = new();
}

public enum StorageProvider
{
    /// <summary>Under <c>Gallery:DataPath</c>: one node.</summary>
    FileSystem,

    /// <summary>An S3-compatible bucket: any number of nodes.</summary>
    S3,
}
