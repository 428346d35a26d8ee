using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Gallery.Testing.SupplyChain;

namespace Gallery.Indexer.Tests.SupplyChain;

/// <summary>
/// Pushes over the registry API what the tools push: a one-layer image, an SPDX SBOM attached to it as
/// <c>oras attach --artifact-type application/spdx+json</c> does, and a cosign signature as an OCI 1.1 referrer.
/// </summary>
public sealed class SupplyChainPush(HttpClient client)
{
    private const string ManifestType = "application/vnd.oci.image.manifest.v1+json";
    private static readonly byte[] Empty = "{}"u8.ToArray();

    /// <summary>A distinct image; returns its manifest descriptor (digest, size) for attachments to point at.</summary>
    public async Task<object> ImageAsync(string repository, string tag)
    {
        var layer = RandomNumberGenerator.GetBytes(64);
        var config = JsonSerializer.SerializeToUtf8Bytes(new { architecture = "amd64", os = "linux", rootfs = new { type = "layers", diff_ids = Array.Empty<string>() } });
        return await ManifestAsync(repository, tag, new Dictionary<string, object>
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = ManifestType,
            ["config"] = await BlobAsync(repository, config, "application/vnd.oci.image.config.v1+json"),
            ["layers"] = new[] { await BlobAsync(repository, layer, "application/vnd.oci.image.layer.v1.tar+gzip") },
        });
    }

    public async Task SbomAsync(string repository, object subject, params (string Name, string Version)[] packages)
    {
        var spdx = SupplyChainDocuments.Spdx(0, packages: packages.Select(p => (p.Name, p.Version, "MIT")));
        await ReferrerAsync(repository, subject, "application/spdx+json", await BlobAsync(repository, spdx, "application/spdx+json"));
    }

    public async Task SignatureAsync(string repository, object subject, string subjectDigest)
    {
        var payload = SupplyChainDocuments.SimpleSigningPayload(repository, subjectDigest);
        await ReferrerAsync(repository, subject, "application/vnd.dev.cosign.artifact.sig.v1+json",
            await BlobAsync(repository, payload, "application/vnd.dev.cosign.simplesigning.v1+json"));
    }

    private async Task ReferrerAsync(string repository, object subject, string artifactType, object layer) =>
        await ManifestAsync(repository, null, new Dictionary<string, object>
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = ManifestType,
            ["artifactType"] = artifactType,
            ["config"] = await BlobAsync(repository, Empty, "application/vnd.oci.empty.v1+json"),
            ["layers"] = new[] { layer },
            ["subject"] = subject,
        });

    private async Task<object> BlobAsync(string repository, byte[] content, string mediaType)
    {
        var digest = Digest(content);
        using var response = await client.PostAsync($"/v2/{repository}/blobs/uploads/?digest={digest}", new ByteArrayContent(content));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return new { mediaType, digest, size = content.Length };
    }

    private async Task<object> ManifestAsync(string repository, string? tag, Dictionary<string, object> manifest)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(manifest);
        var digest = Digest(bytes);
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(ManifestType);
        using var response = await client.PutAsync($"/v2/{repository}/manifests/{tag ?? digest}", content);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return new { mediaType = ManifestType, digest, size = bytes.Length };
    }

    public static string DigestOf(object descriptor) => (string)descriptor.GetType().GetProperty("digest")!.GetValue(descriptor)!;

    private static string Digest(byte[] content) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));
}
