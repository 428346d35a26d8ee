using System.Text.Json;

namespace Gallery.Indexer.Artifacts;

/// <summary>Reads an image config blob for the image page. Tolerant: what it cannot read is left out; env values are never kept.</summary>
public static class ImageConfigDetailsReader
{
    public static ImageConfigDetails? TryRead(ReadOnlyMemory<byte> content)
    {
        try
        {
            using var document = JsonDocument.Parse(content, new JsonDocumentOptions { MaxDepth = 64 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var config = root.TryGetProperty("config", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
            return new ImageConfigDetails(
                Strings(config, "Entrypoint"),
                Strings(config, "Cmd"),
                Strings(config, "Env").Select(e => e.Split('=', 2)[0]).Where(n => n.Length > 0).Distinct().ToList(),
                Keys(config, "ExposedPorts").ToList(),
                Object(config, "Labels").Where(p => p.Value.ValueKind == JsonValueKind.String)
                    .Select(p => KeyValuePair.Create(p.Name, p.Value.GetString()!)).OrderBy(p => p.Key, StringComparer.Ordinal).ToList(),
                String(config, "User"),
                String(config, "WorkingDir"),
                String(root, "created") is { } created && DateTimeOffset.TryParse(created, out var at) ? at.UtcDateTime : null);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static List<string> Strings(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList()
            : [];

    private static IEnumerable<string> Keys(JsonElement element, string name) => Object(element, name).Select(p => p.Name);

    private static IEnumerable<JsonProperty> Object(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value.EnumerateObject()
            : [];

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } s ? s : null;
}
