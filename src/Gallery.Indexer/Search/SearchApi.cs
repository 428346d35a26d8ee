using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Gallery.Indexer.Search;

/// <summary>
/// <c>GET /api/search</c>: the gallery's search as JSON, with gallery.ecr.aws's parameter names
/// (<c>searchTerm, architecture, operatingSystems, verified, publisher, sort, page, pageSize</c>) and <c>type, signed, sbom, package</c>. Filters with several
/// values take them repeated or comma-separated.
/// </summary>
public static class SearchApi
{
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/api/search", ["GET", "HEAD"], Search).WithName("Search")
            .Produces<SearchResult>(StatusCodes.Status200OK, "application/json")
            .WithSummary("Search the gallery's public repositories")
            .WithDescription("Free text (empty lists everything), facet filters, a sort and a page; the same search as the gallery's /search page.");
        return app;
    }

    /// <summary>
    /// Absent values are left out rather than sent as nulls; the highlights' <c>&lt;mark&gt;</c> goes as written, not
    /// as <c>\u003Cmark\u003E</c> (the answer is JSON, never inlined into HTML).
    /// </summary>
    private static readonly JsonSerializerOptions Lean = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Every parameter is read as text and checked here, so an unreadable one gets a 400 that names it.</summary>
    private static Results<JsonHttpResult<SearchResult>, ValidationProblem> Search(IGallerySearch search, [AsParameters] SearchParameters parameters)
    {
        var errors = new Dictionary<string, string[]>();
        var sort = SearchSort.Relevance;
        if (!string.IsNullOrEmpty(parameters.Sort) && !TryParseSort(parameters.Sort, out sort))
        {
            errors["sort"] = [$"one of {string.Join(", ", Enum.GetNames<SearchSort>())}"];
        }

        var verified = Flag(parameters.Verified, "verified", errors);

        var types = Values(parameters.Type);
        if (types.Any(t => Registry.Core.Oci.ArtifactKinds.Parse(t) is null))
        {
            errors["type"] = [$"one or more of {string.Join(", ", Registry.Core.Oci.ArtifactKinds.Names)}"];
        }

        var signed = Flag(parameters.Signed, "signed", errors);
        var sbom = Flag(parameters.Sbom, "sbom", errors);
        PackageFilter? package = null;
        if (parameters.Package is not null && (package = PackageFilter.TryParse(parameters.Package, out var packageProblem)) is null)
        {
            errors["package"] = [packageProblem!];
        }

        var page = Number(parameters.Page, "page", 1, int.MaxValue, errors);
        var pageSize = Number(parameters.PageSize, "pageSize", 25, SearchRequest.MaxPageSize, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Json(search.Search(new SearchRequest
        {
            Text = parameters.SearchTerm,
            Architectures = Values(parameters.Architecture),
            OperatingSystems = Values(parameters.OperatingSystems),
            Types = types.Select(t => t.ToLowerInvariant()).ToArray(),
            Publisher = string.IsNullOrEmpty(parameters.Publisher) ? null : parameters.Publisher,
            Verified = verified,
            Signed = signed,
            Sbom = sbom,
            Package = package,
            Sort = sort,
            Page = page,
            PageSize = pageSize,
        }), Lean);
    }

    /// <summary>By name only: <c>Enum.TryParse</c> would also take numbers, even ones no sort has.</summary>
    private static bool TryParseSort(string value, out SearchSort sort)
    {
        var name = Enum.GetNames<SearchSort>().FirstOrDefault(n => string.Equals(n, value, StringComparison.OrdinalIgnoreCase));
        sort = name is null ? SearchSort.Relevance : Enum.Parse<SearchSort>(name);
        return name is not null;
    }

    private static string[] Values(string[]? values) =>
        (values ?? []).SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();

    private static bool? Flag(string? text, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        errors[name] = ["true or false"];
        return null;
    }

    private static int Number(string? text, string name, int fallback, int max, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        if (int.TryParse(text, out var value) && value >= 1 && value <= max)
        {
            return value;
        }

        errors[name] = [max == int.MaxValue ? "a whole number from 1" : $"a whole number from 1 to {max}"];
        return fallback;
    }
}
