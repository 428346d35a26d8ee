using System.Text.Json.Nodes;
using Gallery.Testing.SupplyChain;
using Registry.Core.Oci;
using Registry.Core.Tests.Http;

namespace Registry.Core.Tests.Attachments;

/// <summary>Manifests shaped as cosign, notation, oras and BuildKit push them, built from <see cref="SupplyChainDocuments"/>.</summary>
internal static class Artifacts
{
    private static readonly TestBlob Empty = new("{}"u8.ToArray(), MediaTypes.OciEmpty);

    /// <summary>What <c>cosign sign</c> pushes under <c>sha256-&lt;hex&gt;.sig</c>: one simple-signing layer per signature.</summary>
    public static TestImage CosignSignatureImage(params TestBlob[] signatureLayers) =>
        new(new TestBlob(SupplyChainDocuments.CosignConfig(signatureLayers[0].Content), MediaTypes.OciImageConfig), signatureLayers);

    public static TestBlob CosignSignatureLayer(string repository, string subject, string email, long integratedTime) =>
        new(SupplyChainDocuments.SimpleSigningPayload(repository, subject), "application/vnd.dev.cosign.simplesigning.v1+json")
        {
            Annotations = SupplyChainDocuments.CosignKeylessAnnotations(email, integratedTime),
        };

    /// <summary>cosign's OCI 1.1 referrer form (<c>--registry-referrers-mode=oci-1-1</c>).</summary>
    public static TestImage CosignReferrer(TestImage subject, string repository, string email) =>
        new(Empty, [CosignSignatureLayer(repository, subject.Digest, email, 1_764_000_000)], subject.Descriptor(os: null),
            "application/vnd.dev.cosign.artifact.sig.v1+json");

    public static TestImage NotationReferrer(TestImage subject, string signer, DateTimeOffset at) =>
        new(Empty, [new TestBlob(SupplyChainDocuments.NotationJws(subject.MediaType, subject.Digest, subject.Manifest.Length, signer, at), "application/jose+json")],
            subject.Descriptor(os: null), "application/vnd.cncf.notary.signature",
            new Dictionary<string, string> { ["io.cncf.notary.x509chain.thumbprint#S256"] = "[\"0a1b\"]" });

    /// <summary>What <c>oras attach --artifact-type application/spdx+json</c> pushes.</summary>
    public static TestImage OrasSbom(TestImage subject, byte[] document, string mediaType = "application/spdx+json") =>
        new(Empty, [new TestBlob(document, mediaType)], subject.Descriptor(os: null), mediaType);

    /// <summary>What <c>cosign attest --type cyclonedx</c> pushes under <c>sha256-&lt;hex&gt;.att</c>: a DSSE envelope layer.</summary>
    public static TestImage CosignAttestation(TestImage subject, string predicateType, JsonNode predicate, string email)
    {
        var statement = SupplyChainDocuments.Statement(predicateType, predicate, "registry.example/app", subject.Digest);
        var envelope = SupplyChainDocuments.Dsse(statement);
        var annotations = SupplyChainDocuments.CosignKeylessAnnotations(email, 1_764_000_000);
        annotations["predicateType"] = predicateType;
        var layer = new TestBlob(envelope, "application/vnd.dsse.envelope.v1+json") { Annotations = annotations };
        return new TestImage(new TestBlob(SupplyChainDocuments.CosignConfig(envelope), MediaTypes.OciImageConfig), [layer]);
    }

    /// <summary>BuildKit's attestation manifest for one platform image: an SPDX statement and SLSA provenance.</summary>
    public static TestImage BuildKitAttestation(TestImage subject, JsonObject spdx)
    {
        var sbom = SupplyChainDocuments.Statement("https://spdx.dev/Document", spdx, "pkg:docker/app", subject.Digest);
        var provenance = SupplyChainDocuments.Statement("https://slsa.dev/provenance/v0.2", SupplyChainDocuments.ProvenanceV02(), "pkg:docker/app", subject.Digest);
        return new TestImage(new TestBlob(SupplyChainDocuments.AttestationConfig([sbom, provenance]), MediaTypes.OciImageConfig),
        [
            new TestBlob(sbom, "application/vnd.in-toto+json") { Annotations = new Dictionary<string, string> { ["in-toto.io/predicate-type"] = "https://spdx.dev/Document" } },
            new TestBlob(provenance, "application/vnd.in-toto+json") { Annotations = new Dictionary<string, string> { ["in-toto.io/predicate-type"] = "https://slsa.dev/provenance/v0.2" } },
        ]);
    }

    /// <summary>BuildKit's index: the platform image, and its attestation manifest marked by annotations and an unknown platform.</summary>
    public static byte[] BuildKitIndex(TestImage image, TestImage attestation) => System.Text.Encoding.UTF8.GetBytes(new JsonObject
    {
        ["schemaVersion"] = 2,
        ["mediaType"] = MediaTypes.OciIndex,
        ["manifests"] = new JsonArray(
            new JsonObject
            {
                ["mediaType"] = image.MediaType, ["digest"] = image.Digest, ["size"] = image.Manifest.Length,
                ["platform"] = new JsonObject { ["architecture"] = "amd64", ["os"] = "linux" },
            },
            new JsonObject
            {
                ["mediaType"] = attestation.MediaType, ["digest"] = attestation.Digest, ["size"] = attestation.Manifest.Length,
                ["annotations"] = new JsonObject { ["vnd.docker.reference.digest"] = image.Digest, ["vnd.docker.reference.type"] = "attestation-manifest" },
                ["platform"] = new JsonObject { ["architecture"] = "unknown", ["os"] = "unknown" },
            }),
    }.ToJsonString());

    public static string CosignTag(TestImage subject, string suffix) => $"sha256-{subject.Digest["sha256:".Length..]}.{suffix}";
}
