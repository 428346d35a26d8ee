using Registry.Core.Data.Entities;
using Registry.Core.Oci;

namespace Registry.Core.Attachments;

/// <summary>
/// Works out from a manifest alone (no blob is read) what it attaches to an image: one row per signature, SBOM or
/// attestation layer, or one row for an artifact of another type. What the layers say is read later, off the push path.
/// </summary>
public static class AttachmentRecognizer
{
    /// <summary>Rows for a manifest pushed with a subject (OCI 1.1 referrers).</summary>
    public static List<Attachment> FromReferrer(long repositoryId, Manifest carrier, ParsedManifest manifest, DateTime now) =>
        Recognize(repositoryId, carrier, manifest, manifest.Subject!.Digest.ToString(), AttachmentSource.Referrer, null, null, now);

    /// <summary>Rows for a manifest a cosign tag points at.</summary>
    public static List<Attachment> FromCosignTag(long repositoryId, Manifest carrier, ParsedManifest manifest, string tag, DateTime now)
    {
        var (subject, suffix) = CosignTags.Parse(tag)!.Value;
        var kind = suffix switch { "sig" => AttachmentKind.Signature, "sbom" => AttachmentKind.Sbom, _ => AttachmentKind.Attestation };
        return Recognize(repositoryId, carrier, manifest, subject, AttachmentSource.CosignTag, tag, kind, now);
    }

    /// <summary>Rows for BuildKit's attestation manifests (children of an index that name the image they describe).</summary>
    public static List<Attachment> FromBuildKitIndex(long repositoryId, ParsedManifest index, IReadOnlyDictionary<string, (Manifest Row, ParsedManifest Parsed)> children, DateTime now)
    {
        var rows = new List<Attachment>();
        foreach (var child in index.Manifests)
        {
            if (child.Annotations is not { } annotations
                || annotations.GetValueOrDefault(AttachmentMediaTypes.BuildKitReferenceType) != AttachmentMediaTypes.BuildKitAttestationManifest
                || annotations.GetValueOrDefault(AttachmentMediaTypes.BuildKitReferenceDigest) is not { } subjectText
                || !Digest.TryParse(subjectText, out var subject, out _)
                || !children.TryGetValue(child.Digest.ToString(), out var carrier))
            {
                continue;
            }

            rows.AddRange(Recognize(repositoryId, carrier.Row, carrier.Parsed, subject.ToString(), AttachmentSource.BuildKit, null, AttachmentKind.Attestation, now));
        }

        return rows;
    }

    /// <summary>The children of an index that BuildKit marked as attestation manifests.</summary>
    public static IEnumerable<Descriptor> AttestationChildren(ParsedManifest index) =>
        index.Manifests.Where(c => c.Annotations?.GetValueOrDefault(AttachmentMediaTypes.BuildKitReferenceType) == AttachmentMediaTypes.BuildKitAttestationManifest);

    private static List<Attachment> Recognize(long repositoryId, Manifest carrier, ParsedManifest manifest, string subject,
        AttachmentSource source, string? tag, AttachmentKind? tagKind, DateTime now)
    {
        var artifactType = manifest.EffectiveArtifactType;
        var rows = new List<Attachment>();
        for (var position = 0; position < manifest.Layers.Count; position++)
        {
            var layer = manifest.Layers[position];
            if (KindOf(artifactType, layer, tagKind) is not { } kind)
            {
                continue;
            }

            var row = NewRow(repositoryId, carrier, subject, source, tag, artifactType, layer.MediaType, kind, now);
            row.Position = position;
            row.LayerDigest = layer.Digest.ToString();
            row.LayerSize = layer.Size;
            row.PredicateType = Cut(layer.Annotations?.GetValueOrDefault(AttachmentMediaTypes.InTotoPredicateAnnotation)
                ?? layer.Annotations?.GetValueOrDefault(AttachmentMediaTypes.CosignPredicateAnnotation));
            rows.Add(row);
        }

        if (rows.Count == 0)
        {
            // An artifact of another type (or a tool's manifest without a layer we read): listed as a whole.
            var whole = NewRow(repositoryId, carrier, subject, source, tag, artifactType, manifest.MediaType, tagKind ?? AttachmentKind.Other, now);
            whole.State = AttachmentState.Readable;
            rows.Add(whole);
        }

        return rows;
    }

    /// <summary>What a layer holds, or null for a layer that is not a document we read (an empty blob, an artifact's file).</summary>
    private static AttachmentKind? KindOf(string? artifactType, Descriptor layer, AttachmentKind? tagKind)
    {
        var mediaType = layer.MediaType;
        if (mediaType == AttachmentMediaTypes.CosignSimpleSigning || artifactType == AttachmentMediaTypes.CosignSignatureArtifact)
        {
            return AttachmentKind.Signature;
        }

        if (artifactType == AttachmentMediaTypes.NotarySignature)
        {
            return mediaType is AttachmentMediaTypes.Jws or AttachmentMediaTypes.Cose ? AttachmentKind.Signature : null;
        }

        if (AttachmentMediaTypes.IsSbom(mediaType) || (AttachmentMediaTypes.IsSbom(artifactType) && mediaType != MediaTypes.OciEmpty))
        {
            return AttachmentKind.Sbom;
        }

        if (AttachmentMediaTypes.IsStatement(mediaType))
        {
            return PredicateTypes.KindOf(layer.Annotations?.GetValueOrDefault(AttachmentMediaTypes.InTotoPredicateAnnotation)
                ?? layer.Annotations?.GetValueOrDefault(AttachmentMediaTypes.CosignPredicateAnnotation));
        }

        return tagKind is AttachmentKind.Sbom && mediaType != MediaTypes.OciEmpty ? AttachmentKind.Sbom : null;
    }

    private static Attachment NewRow(long repositoryId, Manifest carrier, string subject, AttachmentSource source, string? tag,
        string? artifactType, string mediaType, AttachmentKind kind, DateTime now) => new()
    {
        RepositoryId = repositoryId,
        SubjectDigest = subject,
        Manifest = carrier,
        Source = source,
        Tag = tag,
        ArtifactType = artifactType,
        MediaType = mediaType,
        Kind = kind,
        PushedAt = now,
        State = AttachmentState.Pending,
    };

    private static string? Cut(string? value) => AttachmentText.Clean(value, 512);
}
