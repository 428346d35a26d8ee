using System.Text.Json;

namespace Gallery.Testing.OciLayouts;

/// <summary>Reads an OCI image layout a client wrote (e.g. <c>skopeo copy ... oci:DIR:TAG</c>): tags and blobs.</summary>
public sealed class OciLayoutReader(string directory)
{
    public string Directory => directory;

    /// <summary>The descriptor index.json names <paramref name="tag"/> with; fails if the tag is not there.</summary>
    public OciDescriptor Resolve(string tag)
    {
        using var index = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(directory, "index.json")));
        foreach (var entry in index.RootElement.GetProperty("manifests").EnumerateArray())
        {
            if (entry.TryGetProperty("annotations", out var annotations)
                && annotations.TryGetProperty(OciMediaTypes.RefNameAnnotation, out var name)
                && name.GetString() == tag)
            {
                return new OciDescriptor(entry.GetProperty("mediaType").GetString()!, entry.GetProperty("digest").GetString()!, entry.GetProperty("size").GetInt64());
            }
        }

        throw new InvalidOperationException($"{directory}/index.json names no manifest '{tag}': {File.ReadAllText(Path.Combine(directory, "index.json"))}");
    }

    public string BlobPath(string digest) => Path.Combine(directory, "blobs", "sha256", digest["sha256:".Length..]);

    public bool HasBlob(string digest) => File.Exists(BlobPath(digest));

    public byte[] ReadBlob(string digest) => File.ReadAllBytes(BlobPath(digest));
}
