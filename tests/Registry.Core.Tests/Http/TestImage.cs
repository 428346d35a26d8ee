using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Registry.Core.Oci;

namespace Registry.Core.Tests.Http;

/// <summary>A small image made of in-memory blobs: a config and some layers, with the manifest that ties them.</summary>
public sealed record TestBlob(byte[] Content, string MediaType)
{
    public string Digest { get; } = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Content));

    public static TestBlob Random(int size, string mediaType = "application/vnd.oci.image.layer.v1.tar+gzip") =>
        new(RandomNumberGenerator.GetBytes(size), mediaType);

    public static TestBlob Config(string os = "linux", string architecture = "amd64", string? variant = null) =>
        new(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?>
        {
            ["architecture"] = architecture,
            ["os"] = os,
            ["variant"] = variant,
            ["created"] = "2026-01-02T03:04:05Z",
            ["author"] = Guid.NewGuid().ToString(),
            ["rootfs"] = new { type = "layers", diff_ids = Array.Empty<string>() },
        }), MediaTypes.OciImageConfig);

    /// <summary>Annotations on the blob's descriptor in a manifest (as cosign puts its signature, certificate and bundle).</summary>
    public IReadOnlyDictionary<string, string>? Annotations { get; init; }

    public object Descriptor => Annotations is null
        ? new { mediaType = MediaType, digest = Digest, size = Content.Length }
        : new { mediaType = MediaType, digest = Digest, size = Content.Length, annotations = Annotations };
}

public sealed class TestImage
{
    public TestImage(TestBlob config, IReadOnlyList<TestBlob> layers, object? subject = null, string? artifactType = null,
        IReadOnlyDictionary<string, string>? annotations = null, string mediaType = MediaTypes.OciManifest)
    {
        Config = config;
        Layers = layers;
        MediaType = mediaType;
        var manifest = new Dictionary<string, object?>
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = mediaType,
            ["config"] = config.Descriptor,
            ["layers"] = layers.Select(l => l.Descriptor).ToArray(),
        };
        if (artifactType is not null)
        {
            manifest["artifactType"] = artifactType;
        }

        if (subject is not null)
        {
            manifest["subject"] = subject;
        }

        if (annotations is not null)
        {
            manifest["annotations"] = annotations;
        }

        Manifest = JsonSerializer.SerializeToUtf8Bytes(manifest, new JsonSerializerOptions { WriteIndented = true });
        Digest = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Manifest));
    }

    public TestBlob Config { get; }

    public IReadOnlyList<TestBlob> Layers { get; }

    public string MediaType { get; }

    public byte[] Manifest { get; }

    public string Digest { get; }

    public IEnumerable<TestBlob> Blobs => Layers.Prepend(Config);

    public object Descriptor(string? os = "linux", string? architecture = "amd64") => os is null
        ? new { mediaType = MediaType, digest = Digest, size = Manifest.Length }
        : new { mediaType = MediaType, digest = Digest, size = Manifest.Length, platform = new { os, architecture } };

    public static TestImage Create(int layers = 1, string os = "linux", string architecture = "amd64") =>
        new(TestBlob.Config(os, architecture), Enumerable.Range(0, layers).Select(_ => TestBlob.Random(1024 + layers)).ToList());

    public static byte[] Index(params object[] manifests) => Index(MediaTypes.OciIndex, manifests);

    public static byte[] Index(string mediaType, params object[] manifests) =>
        Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { schemaVersion = 2, mediaType, manifests }));
}
