using Registry.Core.Oci;

namespace Registry.Core.Storage.S3;

/// <summary>
/// Every key the S3 store uses, built here and nowhere else:
/// <code>
/// &lt;prefix&gt;blobs/&lt;algorithm&gt;/&lt;first 2 hex&gt;/&lt;hex&gt;   committed content, immutable
/// &lt;prefix&gt;uploads/&lt;upload id&gt;/data                   the upload's multipart upload; once sealed, all its bytes
/// &lt;prefix&gt;uploads/&lt;upload id&gt;/tail-&lt;n&gt;               bytes after the last full part (under 5 MiB)
/// </code>
/// Nothing under uploads/ is ever a blob: a multipart upload completes there and is copied into blobs/ only after
/// its digest is checked.
/// </summary>
internal sealed class S3Keys(string? prefix)
{
    private readonly string _prefix = string.IsNullOrEmpty(prefix) ? "" : prefix.TrimEnd('/') + "/";

    public string Blobs => _prefix + "blobs/";

    public string Uploads => _prefix + "uploads/";

    public string Blob(Digest digest) => $"{Blobs}{digest.Algorithm}/{digest.Hex[..2]}/{digest.Hex}";

    public string Upload(Guid uploadId) => $"{Uploads}{uploadId:N}/";

    public string UploadData(Guid uploadId) => Upload(uploadId) + "data";

    public string NewTail(Guid uploadId) => $"{Upload(uploadId)}tail-{Guid.NewGuid():N}";

    /// <summary>The digest a key under blobs/ stands for, or null for a key where no blob would be put.</summary>
    public Digest? DigestOf(string key)
    {
        var parts = key[Blobs.Length..].Split('/');
        return parts.Length == 3 && Digest.TryParse($"{parts[0]}:{parts[2]}", out var parsed, out _) && parts[1] == parsed.Hex[..2] ? parsed : null;
    }

    /// <summary>The upload a key under uploads/ belongs to, or null.</summary>
    public Guid? UploadOf(string key)
    {
        var rest = key[Uploads.Length..];
        var slash = rest.IndexOf('/');
        return slash > 0 && Guid.TryParseExact(rest[..slash], "N", out var id) ? id : null;
    }
}
