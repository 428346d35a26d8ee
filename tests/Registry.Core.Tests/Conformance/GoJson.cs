using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Registry.Core.Tests.Conformance;

/// <summary>
/// JSON written the way the suite's Go code writes it: <c>json.MarshalIndent(v, "", "\t")</c> — tab indentation,
/// "\n" line breaks, no trailing newline, and '+' or '/' left unescaped (media types, base64). Field order and
/// <c>omitempty</c> follow the suite's structs in image.go, so digests are over the same kind of bytes it sends.
/// </summary>
internal static class GoJson
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        IndentCharacter = '\t',
        IndentSize = 1,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static readonly JsonSerializerOptions Unmarshal = new() { PropertyNameCaseInsensitive = true };

    public static byte[] MarshalIndent(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString(Indented));

    public static string Digest(byte[] content) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>The suite's <c>descriptor</c>: mediaType, digest, size, data (omitempty), newUnspecifiedField (always, null when unset).</summary>
    public static JsonObject Descriptor(string mediaType, string digest, long size, byte[]? data = null, byte[]? newUnspecifiedField = null)
    {
        var descriptor = new JsonObject
        {
            ["mediaType"] = mediaType,
            ["digest"] = digest,
            ["size"] = size,
        };
        if (data is { Length: > 0 })
        {
            descriptor["data"] = Convert.ToBase64String(data);
        }

        descriptor["newUnspecifiedField"] = newUnspecifiedField is null ? null : Convert.ToBase64String(newUnspecifiedField);
        return descriptor;
    }

    /// <summary>The suite's <c>manifest</c>: schemaVersion, mediaType?, artifactType?, config, layers, subject?, annotations?.</summary>
    public static JsonObject Manifest(string? mediaType, string? artifactType, JsonObject config, JsonArray layers,
        JsonObject? subject = null, IReadOnlyDictionary<string, string>? annotations = null) =>
        Document(mediaType, artifactType, [("config", config), ("layers", layers)], subject, annotations);

    /// <summary>The suite's <c>index</c>: schemaVersion, mediaType?, artifactType?, manifests, subject?, annotations?.</summary>
    public static JsonObject Index(string? mediaType, string? artifactType, JsonArray manifests,
        JsonObject? subject = null, IReadOnlyDictionary<string, string>? annotations = null) =>
        Document(mediaType, artifactType, [("manifests", manifests)], subject, annotations);

    private static JsonObject Document(string? mediaType, string? artifactType, IEnumerable<(string Key, JsonNode Value)> body,
        JsonObject? subject, IReadOnlyDictionary<string, string>? annotations)
    {
        var document = new JsonObject { ["schemaVersion"] = 2 };
        if (!string.IsNullOrEmpty(mediaType))
        {
            document["mediaType"] = mediaType;
        }

        if (!string.IsNullOrEmpty(artifactType))
        {
            document["artifactType"] = artifactType;
        }

        foreach (var (key, value) in body)
        {
            document[key] = value;
        }

        if (subject is not null)
        {
            document["subject"] = subject;
        }

        if (annotations is { Count: > 0 })
        {
            // Go marshals map keys sorted.
            var map = new JsonObject();
            foreach (var (key, value) in annotations.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                map[key] = value;
            }

            document["annotations"] = map;
        }

        return document;
    }
}
