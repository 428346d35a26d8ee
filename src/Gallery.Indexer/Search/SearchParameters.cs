using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace Gallery.Indexer.Search;

/// <summary>
/// <c>/api/search</c>'s query parameters, gallery.ecr.aws's names. All text: <see cref="SearchApi"/> checks them itself
/// (a 400 naming each unreadable one) rather than leaving a bare 400 to the framework's binder.
/// </summary>
public readonly record struct SearchParameters(
    [property: FromQuery(Name = "searchTerm"), Description("Free text; empty lists everything. Supports -word, OR, and field prefixes (name:, description:, publisher:).")]
    string? SearchTerm,
    [property: FromQuery(Name = "architecture"), Description("Architectures (x86-64, ARM 64, ARM, x86): repeated or comma-separated; any of them matches.")]
    string[]? Architecture,
    [property: FromQuery(Name = "operatingSystems"), Description("Operating systems (Linux, Windows): repeated or comma-separated; any of them matches.")]
    string[]? OperatingSystems,
    [property: FromQuery(Name = "verified"), Description("true: only verified publishers; false: only unverified ones.")]
    string? Verified,
    [property: FromQuery(Name = "publisher"), Description("One publisher's registry alias.")]
    string? Publisher,
    [property: FromQuery(Name = "sort"), Description("relevance (default), popularity, lastPushed or name.")]
    string? Sort,
    [property: FromQuery(Name = "page"), Description("1-based page number; default 1.")]
    string? Page,
    [property: FromQuery(Name = "pageSize"), Description("Hits per page, 1 to 100; default 25. Above 100 is a 400.")]
    string? PageSize,
    [property: FromQuery(Name = "type"), Description("What repositories hold (image, helm, artifact): repeated or comma-separated; any of them matches.")]
    string[]? Type,
    [property: FromQuery(Name = "signed"), Description("true: only repositories with a signed current tag (signatures are not verified); false: only those without.")]
    string? Signed,
    [property: FromQuery(Name = "sbom"), Description("true: only repositories with an SBOM on a current tag; false: only those without.")]
    string? Sbom,
    [property: FromQuery(Name = "package"), Description("A package some current tag's SBOM lists: name (zlib), or name@version prefix (zlib@1.2); hits say which tags ship which version.")]
    string? Package);
