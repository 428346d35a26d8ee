using System.Globalization;
using System.Text.Json;

namespace Registry.Core.Http.EcrPublic.Model;

/// <summary>
/// Checks a request body against its operation's input shape: types, required members, lengths, list sizes, ranges,
/// patterns and enums. Problems are reported as AWS words them: "1 validation error detected: Value 'x' at
/// 'repositoryName' failed to satisfy constraint: Member must ...".
/// </summary>
internal static class InputValidator
{
    private const int MaxReported = 10;

    /// <summary>Null when the input is valid, else the InvalidParameterException message.</summary>
    public static string? Validate(EcrPublicModel model, string shapeName, JsonElement input)
    {
        var errors = new List<string>();
        Check(model, model.Shapes[shapeName], input, "", errors);
        if (errors.Count == 0)
        {
            return null;
        }

        var count = errors.Count == 1 ? "1 validation error" : $"{errors.Count} validation errors";
        return $"{count} detected: {string.Join("; ", errors.Take(MaxReported))}";
    }

    private static void Check(EcrPublicModel model, Shape shape, JsonElement value, string path, List<string> errors)
    {
        switch (shape.Type)
        {
            case "structure":
                CheckStructure(model, shape, value, path, errors);
                break;
            case "list":
                CheckList(model, shape, value, path, errors);
                break;
            case "string":
                CheckString(shape, value, path, errors);
                break;
            case "blob":
                CheckBlob(shape, value, path, errors);
                break;
            case "integer" or "long":
                CheckNumber(shape, value, path, errors);
                break;
            case "boolean":
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    errors.Add(Fail(value, path, "Member must be a boolean"));
                }

                break;
            case "timestamp":
                if (value.ValueKind != JsonValueKind.Number)
                {
                    errors.Add(Fail(value, path, "Member must be a timestamp in epoch seconds"));
                }

                break;
        }
    }

    private static void CheckStructure(EcrPublicModel model, Shape shape, JsonElement value, string path, List<string> errors)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(Fail(value, path.Length == 0 ? "request body" : path, "Member must be a JSON object"));
            return;
        }

        foreach (var required in shape.Required.Order(StringComparer.Ordinal))
        {
            if (!value.TryGetProperty(required, out var member) || member.ValueKind == JsonValueKind.Null)
            {
                errors.Add($"Value null at '{Join(path, required)}' failed to satisfy constraint: Member must not be null");
            }
        }

        foreach (var property in value.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Null && shape.Members.TryGetValue(property.Name, out var memberShape))
            {
                Check(model, model.Shapes[memberShape], property.Value, Join(path, property.Name), errors);
            }
        }
    }

    private static void CheckList(EcrPublicModel model, Shape shape, JsonElement value, string path, List<string> errors)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(Fail(value, path, "Member must be a list"));
            return;
        }

        var length = value.GetArrayLength();
        CheckLength(shape, length, value, path, errors);
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            index++;
            var itemPath = $"{path}.{index}.member";
            if (item.ValueKind == JsonValueKind.Null)
            {
                errors.Add($"Value null at '{itemPath}' failed to satisfy constraint: Member must not be null");
                continue;
            }

            Check(model, model.Shapes[shape.Member!], item, itemPath, errors);
        }
    }

    private static void CheckString(Shape shape, JsonElement value, string path, List<string> errors)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(Fail(value, path, "Member must be a string"));
            return;
        }

        var text = value.GetString()!;
        CheckLength(shape, text.Length, value, path, errors);
        if (shape.PatternRegex is { } regex && !regex.IsMatch(text))
        {
            errors.Add(Fail(value, path, $"Member must satisfy regular expression pattern: {shape.Pattern}"));
        }

        if (shape.Enum is { } values && !values.Contains(text, StringComparer.Ordinal))
        {
            errors.Add(Fail(value, path, $"Member must satisfy enum value set: [{string.Join(", ", values)}]"));
        }
    }

    private static void CheckBlob(Shape shape, JsonElement value, string path, List<string> errors)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add($"Value at '{path}' failed to satisfy constraint: Member must be a base64-encoded string");
            return;
        }

        var text = value.GetString()!;
        if (text.Length % 4 != 0)
        {
            errors.Add($"Value at '{path}' failed to satisfy constraint: Member must be a base64-encoded string");
            return;
        }

        var decoded = text.Length / 4 * 3 - (text.EndsWith("==", StringComparison.Ordinal) ? 2 : text.EndsWith('=') ? 1 : 0);
        if (shape.Max is { } max && decoded > max)
        {
            errors.Add($"Value at '{path}' failed to satisfy constraint: Member must have length less than or equal to {max}");
        }
    }

    private static void CheckNumber(Shape shape, JsonElement value, string path, List<string> errors)
    {
        var valid = shape.Type == "integer" ? value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out _) : value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _);
        if (!valid)
        {
            errors.Add(Fail(value, path, shape.Type == "integer" ? "Member must be an integer" : "Member must be a long integer"));
            return;
        }

        var number = value.GetInt64();
        if (shape.Min is { } min && number < min)
        {
            errors.Add(Fail(value, path, $"Member must have value greater than or equal to {min}"));
        }

        if (shape.Max is { } max && number > max)
        {
            errors.Add(Fail(value, path, $"Member must have value less than or equal to {max}"));
        }
    }

    private static void CheckLength(Shape shape, long length, JsonElement value, string path, List<string> errors)
    {
        if (shape.Min is { } min && length < min)
        {
            errors.Add(Fail(value, path, $"Member must have length greater than or equal to {min}"));
        }

        if (shape.Max is { } max && length > max)
        {
            errors.Add(Fail(value, path, $"Member must have length less than or equal to {max}"));
        }
    }

    private static string Fail(JsonElement value, string path, string constraint) =>
        $"Value {Show(value)} at '{path}' failed to satisfy constraint: {constraint}";

    private static string Show(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"'{Shorten(value.GetString()!)}'",
        JsonValueKind.Number => $"'{value.GetRawText()}'",
        JsonValueKind.True or JsonValueKind.False => $"'{value.GetRawText()}'",
        JsonValueKind.Array => $"'[{value.GetArrayLength().ToString(CultureInfo.InvariantCulture)} items]'",
        JsonValueKind.Object => "'{...}'",
        _ => "null",
    };

    private static string Join(string path, string member) => path.Length == 0 ? member : $"{path}.{member}";

    private static string Shorten(string value) => value.Length <= 100 ? value : value[..100] + "...";
}
