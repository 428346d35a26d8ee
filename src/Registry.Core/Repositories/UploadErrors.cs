using Registry.Core.Oci;

namespace Registry.Core.Repositories;

/// <summary>The errors an upload answers with, the same from every step.</summary>
internal static class UploadErrors
{
    public static RegistryException UploadUnknown(string uploadId, string repository) =>
        new(OciErrorCode.BlobUploadUnknown, $"upload '{DisplayText.Shorten(uploadId)}' is unknown or has expired in repository '{repository}'", new { uploadId = DisplayText.Shorten(uploadId) });

    public static RegistryException DigestMismatch(Digest claimed, Digest actual) =>
        new(OciErrorCode.DigestInvalid, $"the uploaded content has digest {actual}, not {claimed}; nothing was stored", new { claimed = claimed.ToString(), actual = actual.ToString() });
}
