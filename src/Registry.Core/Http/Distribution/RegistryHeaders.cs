using Microsoft.AspNetCore.Http;
using Registry.Core.Oci;

namespace Registry.Core.Http.Distribution;

internal static class RegistryHeaders
{
    public const string ContentDigest = "Docker-Content-Digest";
    public const string UploadUuid = "Docker-Upload-UUID";
    public const string OciSubject = "OCI-Subject";
    public const string OciFiltersApplied = "OCI-Filters-Applied";

    public static Digest ParseDigest(string? text) =>
        Digest.TryParse(text, out var digest, out var error)
            ? digest
            : throw new RegistryException(OciErrorCode.DigestInvalid, error, new { digest = text is { Length: > 80 } ? text[..80] : text });

    public static string BlobLocation(RepositoryName name, Digest digest) => $"/v2/{name}/blobs/{digest}";

    public static string UploadLocation(RepositoryName name, Guid uploadId) => $"/v2/{name}/blobs/uploads/{uploadId:N}";

    public static string ManifestLocation(RepositoryName name, Digest digest) => $"/v2/{name}/manifests/{digest}";

    /// <summary>The bytes received so far, inclusive, as the spec's Range header writes it ("0-0" when nothing yet, as Distribution does).</summary>
    public static string UploadRange(long size) => $"0-{Math.Max(size - 1, 0)}";

    /// <summary>The <c>n</c> query parameter: absent means everything; otherwise 0 to <paramref name="max"/> (larger requests get a page of max).</summary>
    public static int? PageSize(HttpContext context, int max)
    {
        var text = context.Request.Query["n"].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
        {
            throw new RegistryException(OciErrorCode.PaginationInvalid, $"n must be a whole number from 0 to {max}", new { n = text.Length > 20 ? text[..20] : text });
        }

        return Math.Min(n, max);
    }

    public static string NextLink(string path, int n, string last) =>
        $"<{path}?n={n}&last={Uri.EscapeDataString(last)}>; rel=\"next\"";
}
