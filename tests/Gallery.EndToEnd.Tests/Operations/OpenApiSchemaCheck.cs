using System.Text.Json;
using Microsoft.OpenApi;

namespace Gallery.EndToEnd.Tests.Operations;

/// <summary>
/// Whether a live JSON answer is what an OpenAPI schema describes: types, required properties, and no property the
/// schema does not name (so the document cannot fall behind the API unnoticed). References resolve through the document.
/// </summary>
internal static class OpenApiSchemaCheck
{
    public static IReadOnlyList<string> Problems(IOpenApiSchema schema, JsonElement value)
    {
        var problems = new List<string>();
        Check(schema, value, "$", problems);
        return problems;
    }

    private static void Check(IOpenApiSchema schema, JsonElement value, string path, List<string> problems)
    {
        var alternatives = (schema.AnyOf ?? []).Concat(schema.OneOf ?? []).ToList();
        if (alternatives.Count > 0)
        {
            if (!alternatives.Any(a => Problems(a, value).Count == 0))
            {
                problems.Add($"{path}: matches none of the {alternatives.Count} alternatives");
            }

            return;
        }

        if (schema.Type is { } type && !Allows(type, value))
        {
            problems.Add($"{path}: a {value.ValueKind} where the schema says {type}");
            return;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var required in schema.Required ?? new HashSet<string>())
                {
                    if (!value.TryGetProperty(required, out _))
                    {
                        problems.Add($"{path}: required property '{required}' is missing");
                    }
                }

                foreach (var property in value.EnumerateObject())
                {
                    if (schema.Properties?.TryGetValue(property.Name, out var propertySchema) == true)
                    {
                        Check(propertySchema, property.Value, $"{path}.{property.Name}", problems);
                    }
                    else if (schema.AdditionalProperties is { } additional)
                    {
                        Check(additional, property.Value, $"{path}.{property.Name}", problems);
                    }
                    else
                    {
                        problems.Add($"{path}: property '{property.Name}' is not in the schema");
                    }
                }

                break;
            case JsonValueKind.Array when schema.Items is { } items:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Check(items, item, $"{path}[{index++}]", problems);
                }

                break;
        }
    }

    private static bool Allows(JsonSchemaType type, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => type.HasFlag(JsonSchemaType.Null),
        JsonValueKind.True or JsonValueKind.False => type.HasFlag(JsonSchemaType.Boolean),
        JsonValueKind.Number => type.HasFlag(JsonSchemaType.Number) || (type.HasFlag(JsonSchemaType.Integer) && value.TryGetInt64(out _)),
        JsonValueKind.String => type.HasFlag(JsonSchemaType.String),
        JsonValueKind.Object => type.HasFlag(JsonSchemaType.Object),
        JsonValueKind.Array => type.HasFlag(JsonSchemaType.Array),
        _ => false,
    };
}
