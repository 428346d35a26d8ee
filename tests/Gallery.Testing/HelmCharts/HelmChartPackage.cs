using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Gallery.Testing.OciLayouts;
using Registry.Core.Charts;

namespace Gallery.Testing.HelmCharts;

/// <summary>
/// A Helm chart as <c>helm package</c> and <c>helm push</c> make it: a gzipped tar of <c>&lt;name&gt;/Chart.yaml</c>,
/// <c>values.yaml</c>, a template and (optionally) <c>README.md</c>; a config that is Chart.yaml as JSON; and an OCI
/// manifest with Helm's media types and the annotations helm writes. The tag is the version with <c>+</c> as <c>_</c>.
/// </summary>
public sealed class HelmChartPackage
{
    private static readonly DateTimeOffset Timestamp = new(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);

    public HelmChartPackage(string name, string version, string? appVersion = "1.0.0", string? description = null, string[]? keywords = null,
        string? readme = null, byte[]? config = null, byte[]? archive = null)
    {
        Name = name;
        Version = version;
        Config = config ?? Encoding.UTF8.GetBytes(ConfigJson(name, version, appVersion, description, keywords).ToJsonString());
        Archive = archive ?? Package(name, version, appVersion, description, readme);
        var configDescriptor = Descriptor(HelmMediaTypes.Config, Config);
        var archiveDescriptor = Descriptor(HelmMediaTypes.ChartContent, Archive);
        Manifest = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = "application/vnd.oci.image.manifest.v1+json",
            ["config"] = Node(configDescriptor),
            ["layers"] = new JsonArray(Node(archiveDescriptor)),
            ["annotations"] = new JsonObject
            {
                ["org.opencontainers.image.created"] = Timestamp.ToString("yyyy-MM-ddTHH:mm:ssZ"),
                ["org.opencontainers.image.description"] = description ?? "",
                ["org.opencontainers.image.title"] = name,
                ["org.opencontainers.image.version"] = version,
            },
        }.ToJsonString());
        ManifestDigest = Digest(Manifest);
    }

    public string Name { get; }

    public string Version { get; }

    /// <summary>The tag helm pushes the chart as.</summary>
    public string Tag => Version.Replace('+', '_');

    public byte[] Config { get; }

    public byte[] Archive { get; }

    public byte[] Manifest { get; }

    public string ManifestDigest { get; }

    /// <summary>Pushes config, archive and manifest over the registry API, as helm push does (monolithic blob uploads).</summary>
    public async Task PushAsync(HttpClient client, string repository)
    {
        foreach (var blob in new[] { Config, Archive })
        {
            using var content = new ByteArrayContent(blob);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            using var upload = await client.PostAsync($"/v2/{repository}/blobs/uploads/?digest={Digest(blob)}", content);
            if (upload.StatusCode != HttpStatusCode.Created)
            {
                throw new HttpRequestException($"blob upload answered {(int)upload.StatusCode}: {await upload.Content.ReadAsStringAsync()}");
            }
        }

        using var manifest = new ByteArrayContent(Manifest);
        manifest.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.oci.image.manifest.v1+json");
        using var response = await client.PutAsync($"/v2/{repository}/manifests/{Tag}", manifest);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new HttpRequestException($"manifest PUT answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Writes the chart into an OCI layout, tagged, for skopeo to copy.</summary>
    public OciDescriptor WriteTo(OciLayoutBuilder layout)
    {
        layout.WriteBlob(HelmMediaTypes.Config, Config);
        layout.WriteBlob(HelmMediaTypes.ChartContent, Archive);
        var manifest = layout.WriteBlob("application/vnd.oci.image.manifest.v1+json", Manifest);
        layout.Tag(manifest, Tag);
        return manifest;
    }

    /// <summary>Gzips bytes (a tar made by <see cref="Tar"/>, or anything else a hostile test needs).</summary>
    public static byte[] Gzip(byte[] tar)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(tar);
        }

        return output.ToArray();
    }

    public static byte[] Tar(params (string Name, byte[] Content)[] files)
    {
        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Ustar, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                writer.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, name)
                {
                    ModificationTime = Timestamp,
                    Mode = (UnixFileMode)Convert.ToInt32("644", 8),
                    DataStream = new MemoryStream(content),
                });
            }
        }

        return tar.ToArray();
    }

    private static JsonObject ConfigJson(string name, string version, string? appVersion, string? description, string[]? keywords)
    {
        // Helm marshals chart.Metadata with omitempty: only what Chart.yaml says.
        var config = new JsonObject { ["name"] = name, ["version"] = version, ["apiVersion"] = "v2", ["type"] = "application" };
        if (description is not null)
        {
            config["description"] = description;
        }

        if (appVersion is not null)
        {
            config["appVersion"] = appVersion;
        }

        if (keywords is { Length: > 0 })
        {
            config["keywords"] = new JsonArray(keywords.Select(k => (JsonNode)JsonValue.Create(k)).ToArray());
        }

        return config;
    }

    private static byte[] Package(string name, string version, string? appVersion, string? description, string? readme)
    {
        var files = new List<(string, byte[])>
        {
            ($"{name}/Chart.yaml", Encoding.UTF8.GetBytes($"apiVersion: v2\nname: {name}\nversion: {version}\nappVersion: \"{appVersion}\"\ndescription: {description}\n")),
            ($"{name}/values.yaml", Encoding.UTF8.GetBytes("replicaCount: 1\n")),
            ($"{name}/templates/deployment.yaml", Encoding.UTF8.GetBytes("apiVersion: apps/v1\nkind: Deployment\n")),
            ($"{name}/charts/sub/README.md", Encoding.UTF8.GetBytes("# A subchart's README, not the chart's\n")),
        };
        if (readme is not null)
        {
            files.Add(($"{name}/README.md", Encoding.UTF8.GetBytes(readme)));
        }

        return Gzip(Tar([.. files]));
    }

    private static OciDescriptor Descriptor(string mediaType, byte[] content) => new(mediaType, Digest(content), content.Length);

    private static JsonObject Node(OciDescriptor descriptor) =>
        new() { ["mediaType"] = descriptor.MediaType, ["digest"] = descriptor.Digest, ["size"] = descriptor.Size };

    public static string Digest(byte[] content) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));
}
