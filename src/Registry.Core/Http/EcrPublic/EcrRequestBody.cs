using System.Text.Json;
using System.Text.Unicode;
using Registry.Core.Oci;

namespace Registry.Core.Http.EcrPublic;

/// <summary>
/// Reads a request body as the AWS JSON protocol does: a UTF-8 JSON object (an empty body counts as <c>{}</c>).
/// Anything else is a SerializationException, before the model's constraints are looked at.
/// </summary>
internal static class EcrRequestBody
{
    private const int MaxDepth = 32;

    public static JsonDocument Parse(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
        {
            return JsonDocument.Parse("{}");
        }

        // JsonDocument checks string contents only when they are read, too late to answer as a client fault.
        if (!Utf8.IsValid(body.Span))
        {
            throw EcrPublicException.Serialization("The request body is not valid UTF-8");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException e)
        {
            throw EcrPublicException.Serialization($"The request body is not valid JSON: {e.Message}");
        }

        if (!JsonText.IsValid(body.Span, MaxDepth))
        {
            document.Dispose();
            throw EcrPublicException.Serialization("The request body has a string that is not Unicode text (an escaped lone surrogate)");
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            var kind = document.RootElement.ValueKind.ToString().ToLowerInvariant();
            document.Dispose();
            throw EcrPublicException.Serialization($"The request body must be a JSON object, not {kind}");
        }

        return document;
    }
}
