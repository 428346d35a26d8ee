using System.Text.Json;
using Registry.Core.Data;
using Registry.Core.Data.Entities;

namespace Registry.Core.Attachments.Reading;

/// <summary>
/// Reads an in-toto attestation: a bare statement (BuildKit) or one inside a DSSE envelope (cosign attest). SBOM
/// predicates are read as SBOMs, SLSA provenance for its builder and time, other predicates by their type.
/// </summary>
public static class InTotoStatement
{
    public static AttachmentFacts ReadEnvelope(ReadOnlyMemory<byte> content)
    {
        using var document = Json.Parse(content, "DSSE envelope");
        var root = document.RootElement;
        if (Json.String(root, "payload") is not { } payload)
        {
            throw new UnreadableAttachmentException("the DSSE envelope has no payload");
        }

        byte[] statement;
        try
        {
            statement = Convert.FromBase64String(payload);
        }
        catch (FormatException)
        {
            throw new UnreadableAttachmentException("the DSSE envelope's payload is not base64");
        }

        var keyId = Json.Array(root, "signatures").Select(s => Json.String(s, "keyid")).FirstOrDefault(k => !string.IsNullOrWhiteSpace(k));
        var facts = ReadStatement(statement);
        return keyId is null ? facts : facts with { Signer = AttachmentText.Clean($"key {keyId}", DataLimits.AttachmentText) };
    }

    public static AttachmentFacts ReadStatement(ReadOnlyMemory<byte> content)
    {
        using var document = Json.Parse(content, "in-toto statement");
        var root = document.RootElement;
        if (Json.String(root, "_type") is not { } type || !type.StartsWith("https://in-toto.io/Statement/", StringComparison.Ordinal))
        {
            throw new UnreadableAttachmentException("the attestation is not an in-toto statement (no _type https://in-toto.io/Statement/...)");
        }

        var predicateType = Json.String(root, "predicateType");
        var kind = PredicateTypes.KindOf(predicateType);
        var predicate = root.TryGetProperty("predicate", out var p) ? p : default;
        var cleanType = AttachmentText.Clean(predicateType, DataLimits.AttachmentText);
        return kind switch
        {
            AttachmentKind.Sbom => SbomDocument.Read(predicate) with { PredicateType = cleanType },
            AttachmentKind.Provenance => Provenance(predicate, cleanType),
            _ => new AttachmentFacts(kind, "in-toto", cleanType),
        };
    }

    /// <summary>SLSA v0.2 (builder.id, metadata.buildFinishedOn) and v1 (runDetails.builder.id, runDetails.metadata.finishedOn).</summary>
    private static AttachmentFacts Provenance(JsonElement predicate, string? predicateType)
    {
        var run = Json.Object(predicate, "runDetails") ?? predicate;
        var builder = Json.Object(run, "builder") is { } b ? Json.String(b, "id") : null;
        var metadata = Json.Object(run, "metadata");
        var finished = metadata is { } m ? Json.Time(Json.String(m, "buildFinishedOn") ?? Json.String(m, "finishedOn")) : null;
        return new AttachmentFacts(AttachmentKind.Provenance, "SLSA provenance", predicateType,
            Generator: AttachmentText.Clean(builder, DataLimits.AttachmentText), Created: finished);
    }
}
