using System.Text.Encodings.Web;
using System.Text.Json;

namespace Registry.Core.Access.Policies;

/// <summary>
/// Reading policy JSON with paths in every error (<c>Statement[1].Action[0]</c>): members without duplicates or
/// unknown keys, strings, and IAM's "a string or an array of strings".
/// </summary>
internal static class PolicyJson
{
    private const int MaxQuotedLength = 100;

    /// <summary>
    /// An object's members by name. A key in <paramref name="unsupported"/> is refused with its message (keys IAM knows
    /// but this registry does not implement); any other key outside <paramref name="allowed"/>, or a key given twice, too.
    /// </summary>
    public static Dictionary<string, JsonElement> Members(
        JsonElement element, string path, IReadOnlyList<string> allowed, IReadOnlyDictionary<string, string> unsupported)
    {
        var members = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var name = Name(property, path);
            if (unsupported.TryGetValue(name, out var why))
            {
                throw new PolicyException($"{Child(path, name)} {why}");
            }

            if (!allowed.Contains(name))
            {
                throw new PolicyException($"{Describe(path)} has unknown key {Quote(name)}; {Hint(name, allowed)}");
            }

            if (!members.TryAdd(name, property.Value))
            {
                throw new PolicyException($"{Describe(path)} has {Quote(name)} more than once");
            }
        }

        return members;
    }

    /// <summary>A JSON string's value.</summary>
    public static string Text(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            throw new PolicyException($"{path} must be a string, not {KindOf(element)}");
        }

        try
        {
            return element.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new PolicyException($"{path} contains an invalid \\u escape (an unpaired surrogate)");
        }
    }

    /// <summary>A string, or a non-empty array of strings, each with its own path for messages.</summary>
    public static List<(string Value, string Path)> TextOrList(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return [(Text(element, path), path)];
            case JsonValueKind.Array when element.GetArrayLength() == 0:
                throw new PolicyException($"{path} must not be an empty array");
            case JsonValueKind.Array:
                return element.EnumerateArray().Select((item, i) => (Text(item, $"{path}[{i}]"), $"{path}[{i}]")).ToList();
            default:
                throw new PolicyException($"{path} must be a string or an array of strings, not {KindOf(element)}");
        }
    }

    public static string Child(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    /// <summary>How a path reads at the start of a message; the empty path is the document itself.</summary>
    public static string Describe(string path) => path.Length == 0 ? "the policy document" : path;

    /// <summary>A value from the document, quoted and shortened, for messages.</summary>
    public static string Quote(string value)
    {
        var cut = value.Length <= MaxQuotedLength ? value : value[..MaxQuotedLength] + "…";
        return $"\"{JavaScriptEncoder.UnsafeRelaxedJsonEscaping.Encode(cut)}\"";
    }

    public static string KindOf(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static string Name(JsonProperty property, string path)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            throw new PolicyException($"{Describe(path)} has a key with an invalid \\u escape (an unpaired surrogate)");
        }
    }

    private static string Hint(string name, IReadOnlyList<string> allowed) =>
        allowed.FirstOrDefault(key => key.Equals(name, StringComparison.OrdinalIgnoreCase)) is { } meant
            ? $"keys are case-sensitive: did you mean {Quote(meant)}?"
            : $"allowed keys are {string.Join(", ", allowed)}";
}
