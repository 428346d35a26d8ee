using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Gallery.Testing.OciLayouts;

/// <summary>
/// Writes an OCI image layout (<c>oci-layout</c>, <c>index.json</c>, <c>blobs/sha256/...</c>) that real clients read
/// as <c>oci:DIR:TAG</c>: images with gzip'd tar layers and a config naming os, architecture, diff_ids and created
/// time, and image indexes over them. Content is derived from seed strings, so distinct seeds give distinct images.
/// </summary>
public sealed class OciLayoutBuilder
{
    private static readonly DateTimeOffset Epoch = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly List<(OciDescriptor Manifest, string Tag)> _tags = [];

    public OciLayoutBuilder(string directory)
    {
        Directory = directory;
        System.IO.Directory.CreateDirectory(Path.Combine(directory, "blobs", "sha256"));
        File.WriteAllText(Path.Combine(directory, "oci-layout"), """{"imageLayoutVersion":"1.0.0"}""");
        WriteIndex();
    }

    public string Directory { get; }

    /// <summary>An image of <paramref name="layerCount"/> layers for one platform.</summary>
    /// <param name="layerDataBytes">Incompressible bytes in each layer; by default a few tens of KiB.</param>
    public OciImage AddImage(string seed, int layerCount = 1, OciPlatform? platform = null, int? layerDataBytes = null)
    {
        platform ??= OciPlatform.LinuxAmd64;
        var layers = Enumerable.Range(0, layerCount).Select(i => TarLayer.Create(seed, i, layerDataBytes)).ToList();
        var layerDescriptors = layers.Select(l => WriteBlob(OciMediaTypes.LayerGzip, l.Compressed)).ToList();
        var created = Epoch.AddMinutes(SeededBytes.Number(seed, 500_000)).ToString("yyyy-MM-ddTHH:mm:ssZ");
        var config = WriteBlob(OciMediaTypes.Config, Json(ImageConfig(seed, platform, created, layers)));
        var manifest = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = OciMediaTypes.Manifest,
            ["config"] = Node(config),
            ["layers"] = new JsonArray(layerDescriptors.Select(d => (JsonNode)Node(d)).ToArray()),
            ["annotations"] = new JsonObject { ["org.opencontainers.image.created"] = created, ["test.seed"] = seed },
        };
        var bytes = Json(manifest);
        return new OciImage(WriteBlob(OciMediaTypes.Manifest, bytes), config, layerDescriptors, platform, bytes);
    }

    /// <summary>An image index with one child image per platform, each with its own layers and config.</summary>
    public OciImageIndex AddIndex(string seed, params OciPlatform[] platforms)
    {
        var children = platforms.Select(p => AddImage($"{seed}/{p.Os}/{p.Architecture}", layerCount: 2, p)).ToList();
        var index = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = OciMediaTypes.Index,
            ["manifests"] = new JsonArray(children.Select(c => (JsonNode)Node(c.Manifest, c.Platform)).ToArray()),
            ["annotations"] = new JsonObject { ["test.seed"] = seed },
        };
        var bytes = Json(index);
        return new OciImageIndex(WriteBlob(OciMediaTypes.Index, bytes), children, bytes);
    }

    /// <summary>Names a manifest in index.json (<c>org.opencontainers.image.ref.name</c>), so <c>oci:DIR:TAG</c> finds it.</summary>
    public OciLayoutBuilder Tag(OciDescriptor manifest, string tag)
    {
        _tags.RemoveAll(t => t.Tag == tag);
        _tags.Add((manifest, tag));
        WriteIndex();
        return this;
    }

    public OciDescriptor WriteBlob(string mediaType, byte[] content)
    {
        var hex = Convert.ToHexStringLower(SHA256.HashData(content));
        File.WriteAllBytes(Path.Combine(Directory, "blobs", "sha256", hex), content);
        return new OciDescriptor(mediaType, "sha256:" + hex, content.Length);
    }

    private static JsonObject ImageConfig(string seed, OciPlatform platform, string created, IReadOnlyList<TarLayer> layers)
    {
        var config = new JsonObject
        {
            ["created"] = created,
            ["architecture"] = platform.Architecture,
            ["os"] = platform.Os,
            ["config"] = new JsonObject
            {
                ["Env"] = new JsonArray("PATH=/usr/local/bin:/usr/bin:/bin"),
                ["Cmd"] = new JsonArray("/bin/sh"),
                ["Labels"] = new JsonObject { ["test.seed"] = seed },
            },
            ["rootfs"] = new JsonObject
            {
                ["type"] = "layers",
                ["diff_ids"] = new JsonArray(layers.Select(l => (JsonNode)JsonValue.Create(l.DiffId)).ToArray()),
            },
            ["history"] = new JsonArray(layers.Select((_, i) => (JsonNode)new JsonObject
            {
                ["created"] = created,
                ["created_by"] = $"test layer {i} of {seed}",
            }).ToArray()),
        };
        if (platform.Variant is not null)
        {
            config["variant"] = platform.Variant;
        }

        return config;
    }

    private void WriteIndex()
    {
        var index = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = OciMediaTypes.Index,
            ["manifests"] = new JsonArray(_tags.Select(t =>
            {
                var node = Node(t.Manifest);
                node["annotations"] = new JsonObject { [OciMediaTypes.RefNameAnnotation] = t.Tag };
                return (JsonNode)node;
            }).ToArray()),
        };
        File.WriteAllBytes(Path.Combine(Directory, "index.json"), Json(index));
    }

    private static JsonObject Node(OciDescriptor descriptor, OciPlatform? platform = null)
    {
        var node = new JsonObject { ["mediaType"] = descriptor.MediaType, ["digest"] = descriptor.Digest, ["size"] = descriptor.Size };
        if (platform is not null)
        {
            var p = new JsonObject { ["architecture"] = platform.Architecture, ["os"] = platform.Os };
            if (platform.Variant is not null)
            {
                p["variant"] = platform.Variant;
            }

            node["platform"] = p;
        }

        return node;
    }

    private static byte[] Json(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());
}
