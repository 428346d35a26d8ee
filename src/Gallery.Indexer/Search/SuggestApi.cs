using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Gallery.Indexer.Search;

/// <summary><c>GET /api/suggest?q=</c>: up to eight repositories and publishers for the text typed so far.</summary>
public static class SuggestApi
{
    public static IEndpointRouteBuilder MapSuggestApi(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/api/suggest", ["GET", "HEAD"], Suggest).WithName("Suggest")
            .WithSummary("Suggest repositories and publishers as the user types")
            .WithDescription("Up to eight suggestions (at most two publishers) for the text typed so far, its last word read as a prefix.");
        return app;
    }

    /// <param name="q">The text typed so far (once, not blank).</param>
    private static Results<Ok<Suggestions>, ValidationProblem> Suggest(IGallerySuggest suggest, [FromQuery] string[]? q)
    {
        var values = q ?? [];
        if (values.Length != 1 || string.IsNullOrWhiteSpace(values[0]))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["q"] = ["the text typed so far, once, not blank"] });
        }

        if (values[0]!.Length > QueryText.MaxLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["q"] = [$"at most {QueryText.MaxLength} characters"] });
        }

        return TypedResults.Ok(suggest.Suggest(values[0]!));
    }
}
