using System.Text.Json;

namespace Registry.Core.Oci;

/// <summary>What the gallery needs from an image config blob: platform and creation time. Tolerant: a config it cannot read yields nothing.</summary>
public static class ImageConfigReader
{
    public sealed record ImageConfigSummary(Platform Platform, DateTime? Created);

    public static ImageConfigSummary? TryRead(ReadOnlySpan<byte> config)
    {
        try
        {
            var reader = new Utf8JsonReader(config);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var os = String(root, "os");
            var architecture = String(root, "architecture");
            if (os is null || architecture is null)
            {
                return null;
            }

            DateTime? created = String(root, "created") is { } text && DateTimeOffset.TryParse(text, out var parsed) ? parsed.UtcDateTime : null;
            return new ImageConfigSummary(new Platform(os, architecture, String(root, "variant"), String(root, "os.version")), created);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string that is not valid Unicode text (invalid UTF-8, a lone surrogate escape).
            return null;
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s ? s : null;
}
