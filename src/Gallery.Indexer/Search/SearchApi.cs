using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Primitives;

namespace Gallery.Indexer.Search;

/// <summary>
/// <c>GET /api/search</c>: the gallery's search as JSON, with gallery.ecr.aws's parameter names
/// (<c>searchTerm, architecture, operatingSystems, verified, publisher, sort, page, pageSize</c>). Filters with several
/// values take them repeated or comma-separated.
/// </summary>
public static class SearchApi
{
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/api/search", ["GET", "HEAD"], Search).WithName("Search");
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

    private static Results<JsonHttpResult<SearchResult>, ValidationProblem> Search(HttpRequest http, IGallerySearch search)
    {
        var query = http.Query;
        var errors = new Dictionary<string, string[]>();
        var sort = SearchSort.Relevance;
        if (!StringValues.IsNullOrEmpty(query["sort"]) && !TryParseSort(query["sort"].ToString(), out sort))
        {
            errors["sort"] = [$"one of {string.Join(", ", Enum.GetNames<SearchSort>())}"];
        }

        bool? verified = null;
        if (!StringValues.IsNullOrEmpty(query["verified"]))
        {
            verified = bool.TryParse(query["verified"], out var v) ? v : null;
            if (verified is null)
            {
                errors["verified"] = ["true or false"];
            }
        }

        var page = Number(query, "page", 1, errors);
        var pageSize = Number(query, "pageSize", 25, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Json(search.Search(new SearchRequest
        {
            Text = query["searchTerm"],
            Architectures = Values(query["architecture"]),
            OperatingSystems = Values(query["operatingSystems"]),
            Publisher = StringValues.IsNullOrEmpty(query["publisher"]) ? null : query["publisher"].ToString(),
            Verified = verified,
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

    private static string[] Values(StringValues values) =>
        values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();

    private static int Number(IQueryCollection query, string name, int fallback, Dictionary<string, string[]> errors)
    {
        if (StringValues.IsNullOrEmpty(query[name]))
        {
            return fallback;
        }

        if (int.TryParse(query[name], out var value) && value >= 1)
        {
            return value;
        }

        errors[name] = ["a whole number from 1"];
        return fallback;
    }
}
