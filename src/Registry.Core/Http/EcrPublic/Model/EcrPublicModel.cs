using System.Collections.Frozen;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Registry.Core.Http.EcrPublic.Model;

/// <summary>
/// The ECR Public service model (botocore's <c>ecr-public/2020-10-30</c>, documentation removed), embedded: the
/// operations, their input shapes and every constraint. Requests are validated against it, so limits are written once.
/// </summary>
internal sealed class EcrPublicModel
{
    private const string ResourceName = "Registry.Core.Http.EcrPublic.Model.ecr-public-2020-10-30.json";

    private EcrPublicModel(FrozenDictionary<string, string?> inputs, FrozenDictionary<string, Shape> shapes)
    {
        Inputs = inputs;
        Shapes = shapes;
    }

    public static EcrPublicModel Instance { get; } = Load();

    /// <summary>Operation name → its input shape name (null for operations without input).</summary>
    public FrozenDictionary<string, string?> Inputs { get; }

    public FrozenDictionary<string, Shape> Shapes { get; }

    private static EcrPublicModel Load()
    {
        using var stream = typeof(EcrPublicModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        var inputs = root.GetProperty("operations").EnumerateObject()
            .ToFrozenDictionary(o => o.Name, o => o.Value.GetProperty("input").GetString(), StringComparer.Ordinal);
        var shapes = root.GetProperty("shapes").EnumerateObject()
            .ToFrozenDictionary(s => s.Name, s => Shape.Read(s.Value), StringComparer.Ordinal);
        return new EcrPublicModel(inputs, shapes);
    }
}

/// <summary>One shape of the model with the constraints the service enforces.</summary>
internal sealed record Shape(
    string Type,
    long? Min,
    long? Max,
    string? Pattern,
    Regex? PatternRegex,
    IReadOnlyList<string>? Enum,
    IReadOnlyDictionary<string, string> Members,
    IReadOnlySet<string> Required,
    string? Member)
{
    public static Shape Read(JsonElement json)
    {
        var pattern = json.TryGetProperty("pattern", out var p) ? p.GetString() : null;
        return new Shape(
            json.GetProperty("type").GetString()!,
            json.TryGetProperty("min", out var min) ? min.GetInt64() : null,
            json.TryGetProperty("max", out var max) ? max.GetInt64() : null,
            pattern,
            pattern is null ? null : new Regex($"^(?:{pattern})$", RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1)),
            json.TryGetProperty("enum", out var values) ? values.EnumerateArray().Select(v => v.GetString()!).ToList() : null,
            json.TryGetProperty("members", out var members)
                ? members.EnumerateObject().ToDictionary(m => m.Name, m => m.Value.GetProperty("shape").GetString()!, StringComparer.Ordinal)
                : new Dictionary<string, string>(),
            json.TryGetProperty("required", out var required)
                ? required.EnumerateArray().Select(r => r.GetString()!).ToHashSet(StringComparer.Ordinal)
                : new HashSet<string>(),
            json.TryGetProperty("member", out var member) ? member.GetProperty("shape").GetString() : null);
    }
}
