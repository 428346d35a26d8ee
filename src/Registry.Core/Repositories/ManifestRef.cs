using Registry.Core.Oci;

namespace Registry.Core.Repositories;

/// <summary>The reference part of a manifest URL: a tag or a digest.</summary>
public sealed record ManifestRef(string? Tag, Digest? Digest)
{
    public override string ToString() => Tag ?? Digest!.Value.ToString();

    public static ManifestRef Parse(string reference)
    {
        if (reference.Contains(':'))
        {
            return Oci.Digest.TryParse(reference, out var digest, out var error)
                ? new ManifestRef(null, digest)
                : throw new RegistryException(OciErrorCode.DigestInvalid, error, new { reference = reference.Length <= 80 ? reference : reference[..80] });
        }

        return TagName.IsValid(reference, out var tagError)
            ? new ManifestRef(reference, null)
            : throw new RegistryException(OciErrorCode.ManifestInvalid, tagError, new { reference = reference.Length <= 80 ? reference : reference[..80] });
    }
}

/// <summary>What GET and HEAD of a manifest answer with.</summary>
public sealed record ManifestContent(Digest Digest, string MediaType, byte[] Content);

/// <summary>What a manifest push stored: its digest and, for a referrer, the subject it points at.</summary>
public sealed record PushedManifest(Digest Digest, Digest? Subject);
