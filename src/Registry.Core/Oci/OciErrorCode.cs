namespace Registry.Core.Oci;

/// <summary>The error codes of the OCI Distribution Spec, each with the HTTP status it is answered with.</summary>
public sealed record OciErrorCode(string Code, int Status, string Description)
{
    public static readonly OciErrorCode BlobUnknown = new("BLOB_UNKNOWN", 404, "blob unknown to registry");
    public static readonly OciErrorCode BlobUploadInvalid = new("BLOB_UPLOAD_INVALID", 400, "blob upload invalid");
    public static readonly OciErrorCode BlobUploadUnknown = new("BLOB_UPLOAD_UNKNOWN", 404, "blob upload unknown to registry");
    public static readonly OciErrorCode DigestInvalid = new("DIGEST_INVALID", 400, "provided digest did not match uploaded content");
    public static readonly OciErrorCode ManifestBlobUnknown = new("MANIFEST_BLOB_UNKNOWN", 400, "manifest references a manifest or blob unknown to registry");
    public static readonly OciErrorCode ManifestInvalid = new("MANIFEST_INVALID", 400, "manifest invalid");
    public static readonly OciErrorCode ManifestUnknown = new("MANIFEST_UNKNOWN", 404, "manifest unknown to registry");
    public static readonly OciErrorCode NameInvalid = new("NAME_INVALID", 400, "invalid repository name");
    public static readonly OciErrorCode NameUnknown = new("NAME_UNKNOWN", 404, "repository name not known to registry");
    public static readonly OciErrorCode SizeInvalid = new("SIZE_INVALID", 400, "provided length did not match content length");
    public static readonly OciErrorCode Unauthorized = new("UNAUTHORIZED", 401, "authentication required");
    public static readonly OciErrorCode Denied = new("DENIED", 403, "requested access to the resource is denied");
    public static readonly OciErrorCode Unsupported = new("UNSUPPORTED", 415, "the operation is unsupported");
    public static readonly OciErrorCode TooManyRequests = new("TOOMANYREQUESTS", 429, "too many requests");
    public static readonly OciErrorCode RangeInvalid = new("BLOB_UPLOAD_INVALID", 416, "requested range not satisfiable");
    public static readonly OciErrorCode TooLarge = new("SIZE_INVALID", 413, "content exceeds the size limit");
    public static readonly OciErrorCode PaginationInvalid = new("PAGINATION_NUMBER_INVALID", 400, "invalid number of results requested");
    public static readonly OciErrorCode NotFound = new("NOT_FOUND", 404, "no such registry API");
    public static readonly OciErrorCode TooManyScopes = new("DENIED", 400, "the token request asks for too many scopes");
    public static readonly OciErrorCode Unavailable = new("UNAVAILABLE", 503, "service unavailable");
    public static readonly OciErrorCode MethodUnknown = new("UNSUPPORTED", 405, "the method is not allowed on this resource");
}

/// <summary>A request the registry refuses, answered with the spec's error body. Thrown by the services, caught once at the edge.</summary>
public sealed class RegistryException(OciErrorCode error, string message, object? detail = null) : Exception(message)
{
    public OciErrorCode Error { get; } = error;

    public object? Detail { get; } = detail;
}
