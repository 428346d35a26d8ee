using Registry.Core.Data.Entities;
using Registry.Core.Oci;

namespace Registry.Core.Attachments.Reading;

/// <summary>Reads one attachment layer's bytes according to what the push recognised it as.</summary>
public static class AttachmentContent
{
    public static AttachmentFacts Read(Attachment row, Descriptor layer, byte[] content)
    {
        switch (layer.MediaType)
        {
            case AttachmentMediaTypes.DsseEnvelope:
                var facts = InTotoStatement.ReadEnvelope(content);
                return CertificateSigner(layer) is { } signer ? facts with { Signer = signer } : facts;
            case AttachmentMediaTypes.InTotoStatement:
                return InTotoStatement.ReadStatement(content);
            case AttachmentMediaTypes.TextSpdx:
                throw new UnreadableAttachmentException("SPDX tag-value documents are not read; only SPDX JSON");
            case AttachmentMediaTypes.CycloneDxXml or AttachmentMediaTypes.CycloneDxBare:
                throw new UnreadableAttachmentException("CycloneDX XML documents are not read; only CycloneDX JSON");
        }

        if (row.Kind == AttachmentKind.Signature)
        {
            return row.ArtifactType == AttachmentMediaTypes.NotarySignature
                ? SignatureDocument.ReadNotation(content, layer.MediaType, row.SubjectDigest)
                : SignatureDocument.ReadCosign(content, row.SubjectDigest, layer.Annotations);
        }

        using var document = Json.Parse(content, "SBOM");
        return SbomDocument.Read(document.RootElement);
    }

    private static string? CertificateSigner(Descriptor layer) =>
        layer.Annotations?.GetValueOrDefault(AttachmentMediaTypes.CosignCertificateAnnotation) is { } pem ? CertificateIdentity.FromPem(pem) : null;
}
