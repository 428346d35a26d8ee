using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Registry.Core.Oci;

namespace Registry.Core.Http.Distribution;

/// <summary>Writes the spec's error body: <c>{"errors":[{"code","message","detail"}]}</c> with the code's HTTP status.</summary>
internal static class OciErrorResponse
{
    private static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

        // The body is JSON, never HTML: quotes in messages stay readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>HEAD gets the headers GET would (type and length of the error body), without the body.</summary>
    public static Task WriteAsync(HttpContext context, OciErrorCode code, string message, object? detail = null)
    {
        var response = context.Response;
        var body = JsonSerializer.SerializeToUtf8Bytes(new { errors = new[] { new { code = code.Code, message, detail } } }, Json);
        response.StatusCode = code.Status;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = body.Length;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    public static Task WriteAsync(HttpContext context, RegistryException error) => WriteAsync(context, error.Error, error.Message, error.Detail);
}
