using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Registry.Core.Tests.Conformance;

/// <summary>A blob or manifest of the suite's test data: its exact bytes and their digest.</summary>
internal sealed record ConformanceBlob(byte[] Content)
{
    public string Digest { get; } = GoJson.Digest(Content);

    public int Length => Content.Length;
}

/// <summary>testBlobB split in two PATCH chunks, with the suite's <c>start-end</c> Content-Range values.</summary>
internal sealed record ChunkedBlob(ConformanceBlob Blob, byte[] Chunk1, byte[] Chunk2, string Chunk1Range, string Chunk2Range);

/// <summary>
/// The fixed test data of the suite's setup.go, built once per run: 16 configs with a random author, the shared
/// tar.gz layer, 16 manifests carrying <c>data</c> and <c>newUnspecifiedField</c>, the empty-layer manifest,
/// testBlobA and the chunked testBlobB, and the referrers fixtures.
/// </summary>
internal sealed class ConformanceFixtures
{
    public const int NumWorkflows = 16;
    public const string ManifestMediaType = "application/vnd.oci.image.manifest.v1+json";
    public const string IndexMediaType = "application/vnd.oci.image.index.v1+json";
    public const string ConfigMediaType = "application/vnd.oci.image.config.v1+json";
    public const string LayerMediaType = "application/vnd.oci.image.layer.v1.tar+gzip";
    public const string TestTagName = "tagtest0";
    public const string EmptyLayerTestTag = "emptylayer";
    public const string NonexistentManifest = ".INVALID_MANIFEST_NAME";
    public const string ArtifactTypeFilter = "artifactType";

    /// <summary>sha256 of "hello world"; never pushed.</summary>
    public const string DummyDigest = "sha256:b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9";

    /// <summary>The suite's layer: <c>tar czvf test.tar.gz test.txt</c>, 168 bytes (layerBase64String in setup.go).</summary>
    private const string LayerBase64 =
        "H4sIAAAAAAAAA+3OQQrCMBCF4a49xXgBSUnaHMCTRBptQRNpp6i3t0UEV7oqIv7fYgbmzeJpHHSjVy0" +
        "WZCa1c/MufWVe94N3RWlrZ72x3k/30nhbFWKWLPU0Dhp6keJ8im//PuU/6pZH2WVtYx8b0Sz7LjWSR5VLG6YRBumSzOlGtjkd+qD" +
        "jMWiX07Befbs7AAAAAAAAAAAAAAAAAPyzO34MnqoAKAAA";

    public const string LayerDigest = "sha256:48acff1d91752e957527c1b5416e7376d910bcacf01b9441175f8c270e35c183";

    private const string AuthorLetters = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-";

    private readonly int _seed;

    public ConformanceFixtures()
    {
        _seed = RandomNumberGenerator.GetInt32(int.MaxValue - 2);
        Layer = new ConformanceBlob(Convert.FromBase64String(LayerBase64));
        if (Layer.Digest != LayerDigest || Layer.Length != 168)
        {
            throw new InvalidOperationException($"the suite's layer decoded to {Layer.Length} bytes, {Layer.Digest}");
        }

        var configs = new List<ConformanceBlob>();
        var manifests = new List<ConformanceBlob>();
        for (var i = 0; i < NumWorkflows; i++)
        {
            var config = new JsonObject
            {
                ["author"] = RandomNumberGenerator.GetString(AuthorLetters, 16),
                ["architecture"] = "amd64",
                ["os"] = "linux",
                ["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = new JsonArray() },
            };
            configs.Add(new ConformanceBlob(GoJson.MarshalIndent(config)));
        }

        Configs = configs;
        for (var i = 0; i < NumWorkflows; i++)
        {
            var manifest = GoJson.Manifest(ManifestMediaType, null, ConfigDescriptor(configs[i]), [LayerDescriptor()]);
            manifests.Add(new ConformanceBlob(GoJson.MarshalIndent(manifest)));
        }

        Manifests = manifests;

        // Push workflow: configs[1]'s descriptor, no layers and no top-level mediaType.
        EmptyLayerManifest = new ConformanceBlob(GoJson.MarshalIndent(GoJson.Manifest(null, null, ConfigDescriptor(configs[1]), [])));
        TestBlobA = new ConformanceBlob(RandomBytes(42, _seed + 1));
        SetupChunkedBlob(42);
        Referrers = new ReferrersFixtures(Manifests[4], Manifests[3]);
    }

    public IReadOnlyList<ConformanceBlob> Configs { get; }

    public IReadOnlyList<ConformanceBlob> Manifests { get; }

    public ConformanceBlob Layer { get; }

    public ConformanceBlob EmptyLayerManifest { get; }

    /// <summary>42 seeded pseudo-random bytes; the streamed upload and the source of the cross-mount.</summary>
    public ConformanceBlob TestBlobA { get; }

    /// <summary>The chunked-upload blob; rebuilt larger when the registry asks for a bigger OCI-Chunk-Min-Length.</summary>
    public ChunkedBlob TestBlobB { get; private set; } = null!;

    public ReferrersFixtures Referrers { get; }

    /// <summary>setupChunkedBlob: chunk1 is the first size/2+1 bytes, chunk2 the rest; ranges are inclusive <c>start-end</c>.</summary>
    public void SetupChunkedBlob(int size)
    {
        var blob = new ConformanceBlob(RandomBytes(size, _seed + 2));
        var chunk1 = blob.Content[..(size / 2 + 1)];
        var chunk2 = blob.Content[(size / 2 + 1)..];
        TestBlobB = new ChunkedBlob(blob, chunk1, chunk2, $"0-{chunk1.Length - 1}", $"{chunk1.Length}-{blob.Length - 1}");
    }

    private JsonObject LayerDescriptor() => GoJson.Descriptor(LayerMediaType, Layer.Digest, Layer.Length);

    private static JsonObject ConfigDescriptor(ConformanceBlob config) =>
        GoJson.Descriptor(ConfigMediaType, config.Digest, config.Length, data: config.Content, newUnspecifiedField: Encoding.UTF8.GetBytes("hello world"));

    private static byte[] RandomBytes(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
