using System.Net;
using System.Text;
using Gallery.Testing;
using Gallery.Testing.SupplyChain;
using Registry.Core.Data.Entities;
using Registry.Core.Events;
using Registry.Core.Oci;
using Registry.Core.Tests.Http;

namespace Registry.Core.Tests.Attachments;

/// <summary>
/// Signatures, SBOMs and attestations pushed over the HTTP API as cosign, notation, oras and BuildKit push them (tag
/// scheme and referrers) are recognised at push and read in the background; bad ones are unreadable, never a failed push.
/// </summary>
public abstract class AttachmentApiTests(SmallSbomLimitFixture fixture) : ApiTestBase(fixture)
{
    private readonly AttachmentStore _store = new(fixture);

    [Fact]
    public async Task Cosign_signature_tag_names_the_keyless_signer_and_follows_its_tag()
    {
        var name = RegistryApi.UniqueName();
        var image = TestImage.Create();
        await Api.PushImageAsync(name, image, "1.0");
        var tag = Artifacts.CosignTag(image, "sig");
        var first = Artifacts.CosignSignatureImage(Artifacts.CosignSignatureLayer(name, image.Digest, "dev@example.com", 1_764_000_000));
        await Api.PushImageAsync(name, first, tag);

        var signature = Assert.Single(await _store.ReadAsync(name, image.Digest, 1));
        Assert.Equal((AttachmentKind.Signature, AttachmentState.Readable, AttachmentSource.CosignTag), (signature.Kind, signature.State, signature.Source));
        Assert.Equal("cosign", signature.Format);
        Assert.Equal($"dev@example.com (issuer {SupplyChainDocuments.FulcioIssuer})", signature.Signer);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_764_000_000).UtcDateTime, signature.Created);

        // cosign adds a signature by pushing a new manifest with one more layer and moving the tag: only that one counts.
        var second = Artifacts.CosignSignatureImage(first.Layers[0], Artifacts.CosignSignatureLayer(name, image.Digest, "ops@example.com", 1_764_000_100));
        await Api.PushImageAsync(name, second, tag);
        var both = await _store.ReadAsync(name, image.Digest, 2);
        Assert.All(both, s => Assert.Equal(second.Digest, s.Manifest.Digest));
        Assert.Contains(both, s => s.Signer!.StartsWith("ops@example.com"));

        using var deleted = await Api.SendAsync(HttpMethod.Delete, $"/v2/{name}/manifests/{tag}");
        Assert.Equal(HttpStatusCode.Accepted, deleted.StatusCode);
        await _store.ReadAsync(name, image.Digest, 0);
    }

    [Fact]
    public async Task Cosign_and_notation_referrers_are_signatures_with_their_signers()
    {
        var name = RegistryApi.UniqueName();
        var image = TestImage.Create();
        await Api.PushImageAsync(name, image, "1.0");
        var signedAt = new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.FromHours(-7));
        var cosign = Artifacts.CosignReferrer(image, name, "ci@example.com");
        await Api.PushImageAsync(name, cosign, cosign.Digest);
        var notation = Artifacts.NotationReferrer(image, "CN=release.example.com,O=Example,C=US", signedAt);
        await Api.PushImageAsync(name, notation, notation.Digest);

        var rows = await _store.ReadAsync(name, image.Digest, 2);
        Assert.All(rows, r => Assert.Equal((AttachmentKind.Signature, AttachmentState.Readable, AttachmentSource.Referrer), (r.Kind, r.State, r.Source)));
        Assert.StartsWith("ci@example.com (issuer", rows.Single(r => r.Format == "cosign").Signer);
        var notary = rows.Single(r => r.Format == "notation");
        Assert.Equal("CN=release.example.com, O=Example, C=US", notary.Signer);
        Assert.Equal(signedAt.UtcDateTime, notary.Created);
        Assert.Equal("application/vnd.cncf.notary.signature", notary.ArtifactType);
    }

    [Fact]
    public async Task Spdx_referrer_and_cyclonedx_attestation_are_sboms_with_packages()
    {
        var name = RegistryApi.UniqueName();
        var image = TestImage.Create();
        await Api.PushImageAsync(name, image, "1.0");
        var spdx = Artifacts.OrasSbom(image, SupplyChainDocuments.Spdx(0, packages: [("zlib", "1.2.11", "Zlib"), ("openssl", "3.1.4", "Apache-2.0"), ("musl", "1.2.4", "MIT")]));
        await Api.PushImageAsync(name, spdx, spdx.Digest);
        var attestation = Artifacts.CosignAttestation(image, "https://cyclonedx.org/bom",
            SupplyChainDocuments.CycloneDxNode(("left-pad", "1.3.0", "WTFPL"), ("lodash", "4.17.21", "MIT")), "builder@example.com");
        await Api.PushImageAsync(name, attestation, Artifacts.CosignTag(image, "att"));

        var rows = await _store.ReadAsync(name, image.Digest, 2);
        Assert.All(rows, r => Assert.Equal((AttachmentKind.Sbom, AttachmentState.Readable), (r.Kind, r.State)));
        var fromSpdx = rows.Single(r => r.Source == AttachmentSource.Referrer);
        Assert.Equal(("SPDX-2.3", "syft-0.98.0", 3), (fromSpdx.Format, fromSpdx.Generator, fromSpdx.PackageCount));
        var packages = await _store.PackagesAsync(fromSpdx.Id);
        Assert.Equal(("zlib", "1.2.11", "Zlib", "pkg:apk/alpine/zlib@1.2.11?arch=x86_64"), (packages[0].Name, packages[0].Version, packages[0].License, packages[0].Purl));

        var fromAttestation = rows.Single(r => r.Source == AttachmentSource.CosignTag);
        Assert.Equal(("CycloneDX 1.5", "syft 0.98.0", "https://cyclonedx.org/bom"), (fromAttestation.Format, fromAttestation.Generator, fromAttestation.PredicateType));
        Assert.StartsWith("builder@example.com (issuer", fromAttestation.Signer);
        Assert.Equal(["left-pad", "left-pad-nested", "lodash"], (await _store.PackagesAsync(fromAttestation.Id)).Select(p => p.Name));

        var events = await _store.EventsAsync(name, RegistryEventTypes.AttachmentsRead);
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal(image.Digest, e.Digest));
    }

    [Fact]
    public async Task BuildKit_attestation_manifests_in_an_index_attach_to_their_platform_image()
    {
        var name = RegistryApi.UniqueName();
        var image = TestImage.Create();
        await Api.PushImageAsync(name, image, image.Digest);
        var attestation = Artifacts.BuildKitAttestation(image, SupplyChainDocuments.SpdxNode("buildkit-syft-scanner", [("busybox", "1.36.1", "GPL-2.0-only")]));
        await Api.PushImageAsync(name, attestation, attestation.Digest);
        using (var put = await Api.PutManifestAsync(name, "latest", Artifacts.BuildKitIndex(image, attestation), MediaTypes.OciIndex))
        {
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        }

        var rows = await _store.ReadAsync(name, image.Digest, 2);
        Assert.All(rows, r => Assert.Equal((AttachmentSource.BuildKit, AttachmentState.Readable, attestation.Digest), (r.Source, r.State, r.Manifest.Digest)));
        var sbom = rows.Single(r => r.Kind == AttachmentKind.Sbom);
        Assert.Equal(("SPDX-2.3", "https://spdx.dev/Document", 1), (sbom.Format, sbom.PredicateType, sbom.PackageCount));
        var provenance = rows.Single(r => r.Kind == AttachmentKind.Provenance);
        Assert.Equal(("https://github.com/docker/buildx@v0.12.0", "https://slsa.dev/provenance/v0.2"), (provenance.Generator, provenance.PredicateType));
        Assert.Equal(new DateTime(2026, 11, 30, 9, 5, 0, DateTimeKind.Utc), provenance.Created);
    }

    [Fact]
    public async Task Malformed_and_hostile_documents_are_unreadable_with_a_reason_and_never_fail_the_push()
    {
        var name = RegistryApi.UniqueName();
        var image = TestImage.Create();
        await Api.PushImageAsync(name, image, "1.0");
        var cases = new (byte[] Document, string Reason)[]
        {
            ("this is not json"u8.ToArray(), "not valid JSON"),
            (Encoding.UTF8.GetBytes(new string('[', 10_000) + new string(']', 10_000)), "not valid JSON"),
            ("{\"name\":\"neither SPDX nor CycloneDX\"}"u8.ToArray(), "neither SPDX 2.x JSON"),
            ("{\"spdxVersion\":\"SPDX-2.3\",\"packages\":[{\"name\":\"bad \\ud800 surrogate\"}]}"u8.ToArray(), "cannot be read"),
        };
        foreach (var (document, _) in cases)
        {
            var sbom = Artifacts.OrasSbom(image, document);
            await Api.PushImageAsync(name, sbom, sbom.Digest);
        }

        var otherImage = TestImage.Create();
        var forged = Artifacts.CosignSignatureImage(Artifacts.CosignSignatureLayer(name, otherImage.Digest, "x@example.com", 1));
        await Api.PushImageAsync(name, forged, Artifacts.CosignTag(image, "sig"));
        var badCertificate = new TestBlob(SupplyChainDocuments.SimpleSigningPayload(name, image.Digest), "application/vnd.dev.cosign.simplesigning.v1+json")
        {
            Annotations = new Dictionary<string, string> { ["dev.sigstore.cosign/certificate"] = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n" },
        };
        var referrer = new TestImage(new TestBlob("{}"u8.ToArray(), MediaTypes.OciEmpty), [badCertificate], image.Descriptor(os: null), "application/vnd.dev.cosign.artifact.sig.v1+json");
        await Api.PushImageAsync(name, referrer, referrer.Digest);

        var rows = await _store.ReadAsync(name, image.Digest, cases.Length + 2);
        Assert.All(rows, r => Assert.Equal(AttachmentState.Unreadable, r.State));
        var sboms = rows.Where(r => r.Kind == AttachmentKind.Sbom).ToList();
        for (var i = 0; i < cases.Length; i++)
        {
            Assert.Contains(cases[i].Reason, sboms[i].Problem);
        }

        Assert.Contains("names image " + otherImage.Digest, rows.Single(r => r.Source == AttachmentSource.CosignTag).Problem);
        Assert.Contains("not an X.509 certificate", rows.Single(r => r.Kind == AttachmentKind.Signature && r.Source == AttachmentSource.Referrer).Problem);
    }

    [Fact]
    public async Task Control_characters_in_package_names_are_dropped_and_text_kept_as_written()
    {
        var name = RegistryApi.UniqueName();
        var image = TestImage.Create();
        await Api.PushImageAsync(name, image, "1.0");
        var sbom = Artifacts.OrasSbom(image, SupplyChainDocuments.Spdx(0, packages: [("nul\u0000name", "1\u00002", "MIT"), ("<script>alert(1)</script>", "9", "MIT")]));
        await Api.PushImageAsync(name, sbom, sbom.Digest);

        var row = Assert.Single(await _store.ReadAsync(name, image.Digest, 1));
        Assert.Equal(AttachmentState.Readable, row.State);
        Assert.Equal(["nulname", "<script>alert(1)</script>"], (await _store.PackagesAsync(row.Id)).Select(p => p.Name));
    }

    [Fact]
    public async Task Sbom_beyond_the_size_limit_is_unreadable_and_the_push_succeeds()
    {
        var name = RegistryApi.UniqueName();
        var image = TestImage.Create();
        await Api.PushImageAsync(name, image, "1.0");
        var document = SupplyChainDocuments.Spdx(2_000);
        Assert.True(document.Length > SmallSbomLimitFixture.Limit);
        var sbom = Artifacts.OrasSbom(image, document);
        await Api.PushImageAsync(name, sbom, sbom.Digest);

        var row = Assert.Single(await _store.ReadAsync(name, image.Digest, 1));
        Assert.Equal(AttachmentState.Unreadable, row.State);
        Assert.Contains($"more than the {SmallSbomLimitFixture.Limit:N0} bytes read (setting Gallery__Supply__MaxSbomBytes)", row.Problem);
        Assert.Equal(0, row.PackageCount);
    }

    [Fact]
    public async Task Artifacts_of_other_types_are_listed_by_their_artifact_type()
    {
        var name = RegistryApi.UniqueName();
        var image = TestImage.Create();
        await Api.PushImageAsync(name, image, "1.0");
        var artifact = new TestImage(new TestBlob("{}"u8.ToArray(), MediaTypes.OciEmpty), [TestBlob.Random(100, "application/vnd.example.report")],
            image.Descriptor(os: null), "application/vnd.example.scan-report");
        await Api.PushImageAsync(name, artifact, artifact.Digest);

        var row = Assert.Single(await _store.ReadAsync(name, image.Digest, 1));
        Assert.Equal((AttachmentKind.Other, AttachmentState.Readable, "application/vnd.example.scan-report"), (row.Kind, row.State, row.ArtifactType));
        Assert.Null(row.LayerDigest);
    }
}

public sealed class SqliteAttachmentApiTests(SqliteSmallSbomLimitFixture fixture) : AttachmentApiTests(fixture), IClassFixture<SqliteSmallSbomLimitFixture>;

public sealed class PostgresAttachmentApiTests(PostgresSmallSbomLimitFixture fixture) : AttachmentApiTests(fixture), IClassFixture<PostgresSmallSbomLimitFixture>;
