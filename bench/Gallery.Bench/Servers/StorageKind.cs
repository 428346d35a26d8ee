namespace Gallery.Bench.Servers;

/// <summary>Where both servers keep blobs for a run (<c>--storage filesystem|s3</c>).</summary>
public enum StorageKind
{
    FileSystem,

    /// <summary>Buckets on one Ceph RADOS Gateway (tests/ceph/start-rgw.sh), one per server.</summary>
    S3,
}
