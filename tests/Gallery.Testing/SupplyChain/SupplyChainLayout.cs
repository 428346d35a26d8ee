using System.Text.Json.Nodes;
using Gallery.Testing.OciLayouts;

namespace Gallery.Testing.SupplyChain;

/// <summary>
/// An OCI layout holding what a BuildKit build with <c>--sbom --provenance</c>, then <c>cosign sign</c> and <c>cosign
/// attach sbom</c>, leave in a registry: an index with a platform image and its attestation manifest (tag
/// <paramref name="tag"/>), a keyless signature of the index (<c>sha256-&lt;hex&gt;.sig</c>) and an SPDX SBOM of
/// <paramref name="sbomPackages"/> packages (<c>sha256-&lt;hex&gt;.sbom</c>). Copy each tag with skopeo.
/// </summary>
public sealed class SupplyChainLayout
{
    public SupplyChainLayout(string directory, string repository, string tag, int sbomPackages, string signerEmail,
        IReadOnlyList<(string Name, string Version, string License)> attestedPackages)
    {
        Layout = new OciLayoutBuilder(directory);
        Image = Layout.AddImage($"{repository}/image");

        var spdx = SupplyChainDocuments.Statement("https://spdx.dev/Document", SupplyChainDocuments.SpdxNode("buildkit-syft-scanner", attestedPackages), "pkg:docker/app", Image.Manifest.Digest);
        var provenance = SupplyChainDocuments.Statement("https://slsa.dev/provenance/v0.2", SupplyChainDocuments.ProvenanceV02(), "pkg:docker/app", Image.Manifest.Digest);
        var attestation = WriteManifest(
            Layout.WriteBlob(OciMediaTypes.Config, SupplyChainDocuments.AttestationConfig([spdx, provenance])),
            [Layer("application/vnd.in-toto+json", spdx, new() { ["in-toto.io/predicate-type"] = "https://spdx.dev/Document" }),
             Layer("application/vnd.in-toto+json", provenance, new() { ["in-toto.io/predicate-type"] = "https://slsa.dev/provenance/v0.2" })]);
        Index = WriteIndex(Image, attestation);
        Layout.Tag(Index, tag);

        var payload = SupplyChainDocuments.SimpleSigningPayload(repository, Index.Digest);
        var signature = WriteManifest(Layout.WriteBlob(OciMediaTypes.Config, SupplyChainDocuments.CosignConfig(payload)),
            [Layer("application/vnd.dev.cosign.simplesigning.v1+json", payload, SupplyChainDocuments.CosignKeylessAnnotations(signerEmail, 1_764_000_000))]);
        SignatureTag = $"sha256-{Index.Hex}.sig";
        Layout.Tag(signature, SignatureTag);

        var sbom = SupplyChainDocuments.Spdx(sbomPackages);
        var sbomManifest = WriteManifest(Layout.WriteBlob(OciMediaTypes.Config, SupplyChainDocuments.CosignConfig(sbom)), [Layer("text/spdx+json", sbom, null)]);
        SbomTag = $"sha256-{Index.Hex}.sbom";
        Layout.Tag(sbomManifest, SbomTag);
    }

    public OciLayoutBuilder Layout { get; }

    public OciImage Image { get; }

    public OciDescriptor Index { get; private set; } = null!;

    public string SignatureTag { get; }

    public string SbomTag { get; }

    private JsonObject Layer(string mediaType, byte[] content, Dictionary<string, string>? annotations)
    {
        var descriptor = Layout.WriteBlob(mediaType, content);
        var node = new JsonObject { ["mediaType"] = mediaType, ["digest"] = descriptor.Digest, ["size"] = descriptor.Size };
        if (annotations is not null)
        {
            node["annotations"] = new JsonObject(annotations.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)a.Value)));
        }

        return node;
    }

    private OciDescriptor WriteManifest(OciDescriptor config, JsonObject[] layers) => Layout.WriteBlob(OciMediaTypes.Manifest, SupplyChainDocuments.Json(new JsonObject
    {
        ["schemaVersion"] = 2,
        ["mediaType"] = OciMediaTypes.Manifest,
        ["config"] = new JsonObject { ["mediaType"] = config.MediaType, ["digest"] = config.Digest, ["size"] = config.Size },
        ["layers"] = new JsonArray(layers.Cast<JsonNode>().ToArray()),
    }));

    private OciDescriptor WriteIndex(OciImage image, OciDescriptor attestation) => Layout.WriteBlob(OciMediaTypes.Index, SupplyChainDocuments.Json(new JsonObject
    {
        ["schemaVersion"] = 2,
        ["mediaType"] = OciMediaTypes.Index,
        ["manifests"] = new JsonArray(
            new JsonObject
            {
                ["mediaType"] = OciMediaTypes.Manifest, ["digest"] = image.Manifest.Digest, ["size"] = image.Manifest.Size,
                ["platform"] = new JsonObject { ["architecture"] = image.Platform.Architecture, ["os"] = image.Platform.Os },
            },
            new JsonObject
            {
                ["mediaType"] = OciMediaTypes.Manifest, ["digest"] = attestation.Digest, ["size"] = attestation.Size,
                ["annotations"] = new JsonObject { ["vnd.docker.reference.digest"] = image.Manifest.Digest, ["vnd.docker.reference.type"] = "attestation-manifest" },
                ["platform"] = new JsonObject { ["architecture"] = "unknown", ["os"] = "unknown" },
            }),
    }));
}
