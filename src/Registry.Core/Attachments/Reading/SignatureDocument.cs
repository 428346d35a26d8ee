using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Registry.Core.Data;
using Registry.Core.Data.Entities;

namespace Registry.Core.Attachments.Reading;

/// <summary>
/// Reads what a signature says about its signer and time. Nothing is verified: a signature is "signed by" whoever its
/// certificate or key id names, as the signature itself claims.
/// </summary>
public static class SignatureDocument
{
    /// <summary>A cosign signature: a simple-signing payload naming the image, the certificate and bundle in layer annotations.</summary>
    public static AttachmentFacts ReadCosign(ReadOnlyMemory<byte> payload, string subject, IReadOnlyDictionary<string, string>? annotations)
    {
        using (var document = Json.Parse(payload, "signed payload"))
        {
            var critical = Json.Object(document.RootElement, "critical");
            var image = critical is { } c ? Json.Object(c, "image") : null;
            if (image is not { } i || Json.String(i, "docker-manifest-digest") is not { } signedDigest)
            {
                throw new UnreadableAttachmentException("the signed payload is not a cosign simple-signing payload (no critical.image.docker-manifest-digest)");
            }

            if (signedDigest != subject)
            {
                throw new UnreadableAttachmentException($"the signed payload names image {Cut(signedDigest)}, not this one");
            }
        }

        var signer = annotations?.GetValueOrDefault(AttachmentMediaTypes.CosignCertificateAnnotation) is { } pem ? CertificateIdentity.FromPem(pem) : null;
        var created = annotations?.GetValueOrDefault(AttachmentMediaTypes.CosignBundleAnnotation) is { } bundle ? IntegratedTime(bundle) : null;
        return new AttachmentFacts(AttachmentKind.Signature, "cosign", Signer: signer, Created: created);
    }

    /// <summary>A Notary Project signature in JWS JSON: the signing certificate chain (x5c) and the signing time.</summary>
    public static AttachmentFacts ReadNotation(ReadOnlyMemory<byte> content, string mediaType, string subject)
    {
        if (mediaType == AttachmentMediaTypes.Cose)
        {
            return new AttachmentFacts(AttachmentKind.Signature, "notation (COSE)");
        }

        using var document = Json.Parse(content, "JWS signature envelope");
        var root = document.RootElement;
        var protectedHeader = Json.String(root, "protected") is { } encoded ? DecodeUrl(encoded, "protected header") : null;
        DateTime? signingTime = null;
        if (protectedHeader is not null)
        {
            using var header = Json.Parse(protectedHeader, "protected header");
            signingTime = Json.Time(Json.String(header.RootElement, "io.cncf.notary.signingTime"));
        }

        if (Json.String(root, "payload") is { } payloadText)
        {
            using var payload = Json.Parse(DecodeUrl(payloadText, "payload"), "signed payload");
            var target = Json.Object(payload.RootElement, "targetArtifact");
            if (target is { } t && Json.String(t, "digest") is { } digest && digest != subject)
            {
                throw new UnreadableAttachmentException($"the signed payload names artifact {Cut(digest)}, not this one");
            }
        }

        var leaf = Json.Object(root, "header") is { } unprotected ? Json.Array(unprotected, "x5c").FirstOrDefault() : default;
        var signer = leaf.ValueKind == JsonValueKind.String ? CertificateIdentity.FromDer(Decode(leaf.GetString()!, "x5c certificate")) : null;
        return new AttachmentFacts(AttachmentKind.Signature, "notation", Signer: signer, Created: signingTime);
    }

    /// <summary>The Rekor bundle's integratedTime (Unix seconds): when the transparency log recorded the signature.</summary>
    private static DateTime? IntegratedTime(string bundle)
    {
        try
        {
            using var document = JsonDocument.Parse(bundle, Json.Options);
            return Json.Object(document.RootElement, "Payload") is { } payload
                   && payload.TryGetProperty("integratedTime", out var time) && time.TryGetInt64(out var seconds)
                   && seconds is > 0 and < 253402300800
                ? DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static byte[] DecodeUrl(string text, string what)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Decode(padded.PadRight(padded.Length + (4 - padded.Length % 4) % 4, '='), what);
    }

    private static byte[] Decode(string base64, string what)
    {
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new UnreadableAttachmentException($"the signature's {what} is not base64");
        }
    }

    private static string Cut(string text) => AttachmentText.Clean(text, 80) ?? "";
}
