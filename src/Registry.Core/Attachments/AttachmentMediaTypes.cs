namespace Registry.Core.Attachments;

/// <summary>The media types, artifact types and annotations supply-chain tools attach to images with.</summary>
public static class AttachmentMediaTypes
{
    public const string CosignSignatureArtifact = "application/vnd.dev.cosign.artifact.sig.v1+json";
    public const string CosignSimpleSigning = "application/vnd.dev.cosign.simplesigning.v1+json";
    public const string NotarySignature = "application/vnd.cncf.notary.signature";
    public const string Jws = "application/jose+json";
    public const string Cose = "application/cose";
    public const string Spdx = "application/spdx+json";
    public const string TextSpdxJson = "text/spdx+json";
    public const string TextSpdx = "text/spdx";
    public const string CycloneDx = "application/vnd.cyclonedx+json";
    public const string CycloneDxXml = "application/vnd.cyclonedx+xml";
    public const string CycloneDxBare = "application/vnd.cyclonedx";
    public const string DsseEnvelope = "application/vnd.dsse.envelope.v1+json";
    public const string InTotoStatement = "application/vnd.in-toto+json";

    public const string CosignCertificateAnnotation = "dev.sigstore.cosign/certificate";
    public const string CosignBundleAnnotation = "dev.sigstore.cosign/bundle";
    public const string CosignPredicateAnnotation = "predicateType";
    public const string InTotoPredicateAnnotation = "in-toto.io/predicate-type";
    public const string BuildKitReferenceType = "vnd.docker.reference.type";
    public const string BuildKitReferenceDigest = "vnd.docker.reference.digest";
    public const string BuildKitAttestationManifest = "attestation-manifest";

    public static bool IsSbom(string? mediaType) =>
        mediaType is Spdx or TextSpdxJson or TextSpdx or CycloneDx or CycloneDxXml or CycloneDxBare;

    public static bool IsStatement(string mediaType) => mediaType is DsseEnvelope or InTotoStatement;
}
