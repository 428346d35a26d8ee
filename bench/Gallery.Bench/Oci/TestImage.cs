using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Gallery.Bench.Oci;

/// <summary>A small OCI image made in memory: random layers, a linux/amd64 config and the manifest that names them.</summary>
public sealed class TestImage
{
    public const string ManifestMediaType = "application/vnd.oci.image.manifest.v1+json";
    private const string ConfigMediaType = "application/vnd.oci.image.config.v1+json";
    private const string LayerMediaType = "application/vnd.oci.image.layer.v1.tar+gzip";

    private TestImage(IReadOnlyList<byte[]> layers, byte[] config)
    {
        Layers = layers;
        LayerDigests = layers.Select(DigestOf).ToArray();
        Config = config;
        ConfigDigest = DigestOf(config);
        Manifest = JsonSerializer.SerializeToUtf8Bytes(new
        {
            schemaVersion = 2,
            mediaType = ManifestMediaType,
            config = new { mediaType = ConfigMediaType, digest = ConfigDigest, size = config.Length },
            layers = layers.Select((l, i) => new { mediaType = LayerMediaType, digest = LayerDigests[i], size = l.Length }),
        });
    }

    public IReadOnlyList<byte[]> Layers { get; }

    public IReadOnlyList<string> LayerDigests { get; }

    public byte[] Config { get; }

    public string ConfigDigest { get; }

    public byte[] Manifest { get; }

    public long TotalLayerBytes => Layers.Sum(l => (long)l.Length);

    public static TestImage Create(int layerCount, int layerBytes)
    {
        var layers = Enumerable.Range(0, layerCount).Select(_ => RandomNumberGenerator.GetBytes(layerBytes)).ToArray();
        var config = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            created = "2026-01-01T00:00:00Z",
            architecture = "amd64",
            os = "linux",
            config = new { Cmd = new[] { "/bin/sh" } },
            rootfs = new { type = "layers", diff_ids = layers.Select(DigestOf) },
        }));
        return new TestImage(layers, config);
    }

    /// <summary>Pushes every blob (monolithic) and the manifest under <paramref name="tag"/>.</summary>
    public async Task PushAsync(RegistryClient client, string repository, string tag, CancellationToken cancellationToken)
    {
        await client.PushMonolithicAsync(repository, new ByteArrayContent(Config), ConfigDigest, cancellationToken);
        for (var i = 0; i < Layers.Count; i++)
        {
            await client.PushMonolithicAsync(repository, new ByteArrayContent(Layers[i]), LayerDigests[i], cancellationToken);
        }

        await client.PutManifestAsync(repository, tag, Manifest, ManifestMediaType, cancellationToken);
    }

    private static string DigestOf(byte[] content) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));
}
