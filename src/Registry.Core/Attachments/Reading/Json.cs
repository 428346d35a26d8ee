using System.Globalization;
using System.Text.Json;

namespace Registry.Core.Attachments.Reading;

/// <summary>Tolerant reads of optional members: a member of the wrong type counts as absent.</summary>
internal static class Json
{
    public static readonly JsonDocumentOptions Options = new() { MaxDepth = 64, CommentHandling = JsonCommentHandling.Disallow };

    public static JsonDocument Parse(ReadOnlyMemory<byte> content, string what)
    {
        try
        {
            return JsonDocument.Parse(content, Options);
        }
        catch (JsonException e)
        {
            throw new UnreadableAttachmentException($"the {what} is not valid JSON ({FirstSentence(e.Message)})");
        }
    }

    public static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static JsonElement? Object(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    public static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : [];

    public static DateTime? Time(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at.UtcDateTime : null;

    private static string FirstSentence(string message) => message.Split(". ", 2)[0].TrimEnd('.');
}
