using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;

namespace Registry.Core.Http.EcrPublic.Model;

/// <summary>
/// Checks a request body against its operation's input shape. A member of the wrong JSON type (or a blob that is not
/// base64) cannot be read at all: SerializationException, as the AWS JSON protocol answers. Broken constraints (required
/// members, lengths, list sizes, ranges, patterns, enums) are InvalidParameterException, worded as AWS words them:
/// "1 validation error detected: Value 'x' at 'repositoryName' failed to satisfy constraint: Member must ...".
/// </summary>
internal static class InputValidator
{
    private const int MaxReported = 10;

    /// <summary>Returns when the input is valid; throws the error an invalid one is answered with.</summary>
    public static void Validate(EcrPublicModel model, string shapeName, JsonElement input)
    {
        var problems = new Problems();
        Check(model, model.Shapes[shapeName], input, "", problems);
        if (problems.Unreadable.Count > 0)
        {
            throw EcrPublicException.Serialization(string.Join("; ", problems.Unreadable.Take(MaxReported)));
        }

        if (problems.Broken.Count > 0)
        {
            var count = problems.Broken.Count == 1 ? "1 validation error" : $"{problems.Broken.Count} validation errors";
            throw EcrPublicException.InvalidParameter($"{count} detected: {string.Join("; ", problems.Broken.Take(MaxReported))}");
        }
    }

    /// <summary>Members that cannot be read as their shape's type, and members that break a constraint.</summary>
    private sealed class Problems
    {
        public List<string> Unreadable { get; } = [];

        public List<string> Broken { get; } = [];

        public void Type(JsonElement value, string path, string expected) =>
            Unreadable.Add($"Value {Show(value)} at '{(path.Length == 0 ? "request body" : path)}' cannot be read as {expected}");

        public void Constraint(JsonElement value, string path, string constraint) =>
            Broken.Add($"Value {Show(value)} at '{path}' failed to satisfy constraint: {constraint}");

        public void Null(string path) => Broken.Add($"Value null at '{path}' failed to satisfy constraint: Member must not be null");
    }

    private static void Check(EcrPublicModel model, Shape shape, JsonElement value, string path, Problems problems)
    {
        switch (shape.Type)
        {
            case "structure":
                CheckStructure(model, shape, value, path, problems);
                break;
            case "list":
                CheckList(model, shape, value, path, problems);
                break;
            case "string":
                CheckString(shape, value, path, problems);
                break;
            case "blob":
                CheckBlob(shape, value, path, problems);
                break;
            case "integer" or "long":
                CheckNumber(shape, value, path, problems);
                break;
            case "boolean":
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    problems.Type(value, path, "a boolean");
                }

                break;
            case "timestamp":
                if (value.ValueKind != JsonValueKind.Number)
                {
                    problems.Type(value, path, "a timestamp in epoch seconds");
                }

                break;
        }
    }

    private static void CheckStructure(EcrPublicModel model, Shape shape, JsonElement value, string path, Problems problems)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            problems.Type(value, path, "a JSON object");
            return;
        }

        foreach (var required in shape.Required.Order(StringComparer.Ordinal))
        {
            if (!value.TryGetProperty(required, out var member) || member.ValueKind == JsonValueKind.Null)
            {
                problems.Null(Join(path, required));
            }
        }

        foreach (var property in value.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Null && shape.Members.TryGetValue(property.Name, out var memberShape))
            {
                Check(model, model.Shapes[memberShape], property.Value, Join(path, property.Name), problems);
            }
        }
    }

    private static void CheckList(EcrPublicModel model, Shape shape, JsonElement value, string path, Problems problems)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            problems.Type(value, path, "a list");
            return;
        }

        var length = value.GetArrayLength();
        CheckLength(shape, length, value, path, problems);
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            index++;
            var itemPath = $"{path}.{index}.member";
            if (item.ValueKind == JsonValueKind.Null)
            {
                problems.Null(itemPath);
                continue;
            }

            Check(model, model.Shapes[shape.Member!], item, itemPath, problems);
        }
    }

    private static void CheckString(Shape shape, JsonElement value, string path, Problems problems)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Type(value, path, "a string");
            return;
        }

        var text = value.GetString()!;
        CheckLength(shape, text.Length, value, path, problems);
        if (shape.PatternRegex is { } regex && !regex.IsMatch(text))
        {
            problems.Constraint(value, path, $"Member must satisfy regular expression pattern: {shape.Pattern}");
        }

        if (shape.Enum is { } values && !values.Contains(text, StringComparer.Ordinal))
        {
            problems.Constraint(value, path, $"Member must satisfy enum value set: [{string.Join(", ", values)}]");
        }
    }

    private static void CheckBlob(Shape shape, JsonElement value, string path, Problems problems)
    {
        // Whitespace is refused as the JSON reader that decodes the blob later refuses it.
        if (value.ValueKind != JsonValueKind.String || value.GetString() is not { } text
            || text.AsSpan().IndexOfAny(" \t\r\n") >= 0 || !Base64.IsValid(text, out var decodedLength))
        {
            problems.Type(value, path, "a base64-encoded blob");
            return;
        }

        if (shape.Max is { } max && decodedLength > max)
        {
            problems.Broken.Add($"Value at '{path}' failed to satisfy constraint: Member must have length less than or equal to {max}");
        }
    }

    private static void CheckNumber(Shape shape, JsonElement value, string path, Problems problems)
    {
        var valid = shape.Type == "integer" ? value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out _) : value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _);
        if (!valid)
        {
            problems.Type(value, path, shape.Type == "integer" ? "an integer" : "a long integer");
            return;
        }

        var number = value.GetInt64();
        if (shape.Min is { } min && number < min)
        {
            problems.Constraint(value, path, $"Member must have value greater than or equal to {min}");
        }

        if (shape.Max is { } max && number > max)
        {
            problems.Constraint(value, path, $"Member must have value less than or equal to {max}");
        }
    }

    private static void CheckLength(Shape shape, long length, JsonElement value, string path, Problems problems)
    {
        if (shape.Min is { } min && length < min)
        {
            problems.Constraint(value, path, $"Member must have length greater than or equal to {min}");
        }

        if (shape.Max is { } max && length > max)
        {
            problems.Constraint(value, path, $"Member must have length less than or equal to {max}");
        }
    }

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
