using System.Text.Json;

namespace Registry.Core.Charts;

/// <summary>
/// Reads a Helm chart's config blob (Chart.yaml as JSON: name, version, appVersion, description, keywords...).
/// Tolerant: a config it cannot read gives the reason instead, and the push goes on.
/// </summary>
public static class HelmChartConfigReader
{
    public const int MaxNameLength = 256;
    public const int MaxVersionLength = 128;
    public const int MaxDescriptionLength = 1024;
    public const int MaxKeywords = 32;
    public const int MaxKeywordLength = 64;

    public sealed record ChartConfig(string Name, string Version, string? AppVersion, string? Description, IReadOnlyList<string> Keywords);

    /// <returns>The chart's facts, or null and <paramref name="problem"/> saying why they could not be read.</returns>
    public static ChartConfig? TryRead(ReadOnlySpan<byte> config, out string? problem)
    {
        problem = null;
        try
        {
            var reader = new Utf8JsonReader(config, new JsonReaderOptions { MaxDepth = 16 });
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "the chart's config is not a JSON object";
                return null;
            }

            var name = ChartText.Clean(String(root, "name"), MaxNameLength);
            var version = ChartText.Clean(String(root, "version"), MaxVersionLength);
            if (name is null || version is null)
            {
                problem = "the chart's config has no name or no version";
                return null;
            }

            var keywords = root.TryGetProperty("keywords", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Where(k => k.ValueKind == JsonValueKind.String)
                    .Select(k => ChartText.Clean(k.GetString(), MaxKeywordLength)).OfType<string>()
                    .Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxKeywords).ToList()
                : [];
            return new ChartConfig(name, version, ChartText.Clean(String(root, "appVersion"), MaxVersionLength),
                ChartText.Clean(String(root, "description"), MaxDescriptionLength), keywords);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string that is not Unicode text (invalid UTF-8, a lone surrogate escape).
            problem = "the chart's config is not readable JSON";
            return null;
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
