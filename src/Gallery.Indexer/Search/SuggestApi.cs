using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Gallery.Indexer.Search;

/// <summary><c>GET /api/suggest?q=</c>: up to eight repositories and publishers for the text typed so far.</summary>
public static class SuggestApi
{
    public static IEndpointRouteBuilder MapSuggestApi(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/api/suggest", ["GET", "HEAD"], Suggest).WithName("Suggest");
        return app;
    }

    private static Results<Ok<Suggestions>, ValidationProblem> Suggest(HttpRequest http, IGallerySuggest suggest)
    {
        var values = http.Query["q"];
        if (values.Count != 1 || string.IsNullOrWhiteSpace(values[0]))
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
