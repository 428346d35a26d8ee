using Registry.Core.Data.Entities;

namespace Registry.Core.Attachments.Reading;

/// <summary>What reading an attachment's document found. Null members: it does not say.</summary>
public sealed record AttachmentFacts(
    AttachmentKind Kind,
    string? Format,
    string? PredicateType = null,
    string? Signer = null,
    string? Generator = null,
    DateTime? Created = null,
    IReadOnlyList<PackageFacts>? Packages = null);

public sealed record PackageFacts(string Name, string? Version, string? License, string? Purl);
