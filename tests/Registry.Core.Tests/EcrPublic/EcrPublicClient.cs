using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Registry.Core.Access.SigV4;

namespace Registry.Core.Tests.EcrPublic;

/// <summary>A minimal AWS JSON 1.1 client for the ECR Public API, signing with SigV4 as the AWS SDKs do.</summary>
public sealed class EcrPublicClient(HttpClient http, string accessKeyId, string secretAccessKey)
{
    public const string ContentType = "application/x-amz-json-1.1";

    public static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    /// <summary>A signed request, ready to send (or to capture and replay).</summary>
    public HttpRequestMessage Sign(string operation, string body, DateTime? at = null, string service = SigV4Verifier.Service, string? secret = null) =>
        SignRaw("SpencerFrontendService." + operation, Encoding.UTF8.GetBytes(body), at, service, secret);

    /// <summary>A signed request with any X-Amz-Target and any body bytes, for what a well-behaved SDK never sends.</summary>
    public HttpRequestMessage SignRaw(string target, byte[] body, DateTime? at = null, string service = SigV4Verifier.Service, string? secret = null, bool signTarget = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/");
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
        request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        var amzDate = (at ?? DateTime.UtcNow).ToString(SigV4Signature.DateFormat, CultureInfo.InvariantCulture);
        request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["content-type"] = ContentType,
            ["host"] = http.BaseAddress!.Authority,
            ["x-amz-date"] = amzDate,
            ["x-amz-target"] = target,
        };
        if (!signTarget)
        {
            headers.Remove("x-amz-target");
        }

        var scope = $"{amzDate[..8]}/us-east-1/{service}/aws4_request";
        var canonical = SigV4Signature.CanonicalRequest("POST", "/", "", headers.ToList(), SigV4Signature.PayloadHash(body));
        var key = SigV4Signature.SigningKey(secret ?? secretAccessKey, amzDate[..8], "us-east-1", service);
        var signature = SigV4Signature.Sign(key, SigV4Signature.StringToSign(amzDate, scope, canonical));
        request.Headers.TryAddWithoutValidation("Authorization",
            $"{SigV4Signature.Algorithm} Credential={accessKeyId}/{scope}, SignedHeaders={string.Join(';', headers.Keys)}, Signature={signature}");
        return request;
    }

    public static string Body(object? input) => input is null ? "{}" : input as string ?? JsonSerializer.Serialize(input, Json);

    public async Task<EcrResponse> SendAsync(HttpRequestMessage request)
    {
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new EcrResponse(response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(), response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>Calls an operation that must succeed and returns its output.</summary>
    public async Task<JsonElement> CallAsync(string operation, object? input = null)
    {
        var response = await SendAsync(Sign(operation, Body(input)));
        Assert.True(response.Status == HttpStatusCode.OK, $"{operation} answered {(int)response.Status}: {response.Body}");
        Assert.Equal(ContentType, response.ContentType);
        return response.Body;
    }

    /// <summary>Calls an operation that must fail with HTTP 400 and the given error type; returns the message.</summary>
    public async Task<string> FailAsync(string operation, object? input, string errorType)
    {
        var response = await SendAsync(Sign(operation, Body(input)));
        return response.AssertError(errorType);
    }
}

public sealed record EcrResponse(HttpStatusCode Status, JsonElement Body, string? ContentType)
{
    public string AssertError(string errorType, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        Assert.True(Status == status && Body.ValueKind == JsonValueKind.Object && Body.GetProperty("__type").GetString() == errorType,
            $"expected {(int)status} {errorType}, got {(int)Status}: {Body}");
        var message = Body.GetProperty("message").GetString()!;
        Assert.DoesNotContain("   at ", message, StringComparison.Ordinal);
        return message;
    }
}
