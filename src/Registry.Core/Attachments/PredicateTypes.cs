using Registry.Core.Data.Entities;

namespace Registry.Core.Attachments;

/// <summary>What an in-toto predicate type says the attestation is.</summary>
public static class PredicateTypes
{
    public static AttachmentKind KindOf(string? predicateType) => predicateType switch
    {
        null => AttachmentKind.Attestation,
        _ when IsSbom(predicateType) => AttachmentKind.Sbom,
        _ when predicateType.StartsWith("https://slsa.dev/provenance/", StringComparison.Ordinal) => AttachmentKind.Provenance,
        _ => AttachmentKind.Attestation,
    };

    /// <summary>SPDX (https://spdx.dev/Document, also with a version) and CycloneDX (https://cyclonedx.org/bom, ...) predicates.</summary>
    public static bool IsSbom(string predicateType) =>
        predicateType.StartsWith("https://spdx.dev/Document", StringComparison.Ordinal)
        || predicateType.StartsWith("https://cyclonedx.org/bom", StringComparison.Ordinal)
        || predicateType.StartsWith("https://cyclonedx.org/schema", StringComparison.Ordinal);
}
