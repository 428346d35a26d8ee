using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Registry.Core.Http.EcrPublic;

/// <summary>AWS JSON 1.1 as ECR Public speaks it: camelCase members, nulls left out, timestamps as epoch seconds.</summary>
internal static class EcrJson
{
    public const string ContentType = "application/x-amz-json-1.1";

    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static double Epoch(DateTime utc) =>
        Math.Round((DateTime.SpecifyKind(utc, DateTimeKind.Utc) - DateTime.UnixEpoch).TotalSeconds, 3);
}
