using Microsoft.AspNetCore.Http.HttpResults;
using Gallery.Indexer.Reading;
using Registry.Core.Repositories.Pulls;

namespace Gallery.Web.Api;

/// <summary>
/// <c>GET /api/repositories/&lt;alias&gt;/&lt;name&gt;/pulls?days=N&amp;tag=</c>: a public repository's pulls per UTC day
/// (<c>{"days":[{"date":"YYYY-MM-DD","pulls":n},...]}</c>, oldest first, <c>days</c> 1–365, default 90), of one tag
/// when <c>tag</c> is given.
/// </summary>
public static class PullsApi
{
    public const int DefaultDays = 90;
    private const string Suffix = "/pulls";

    public sealed record PullsResponse(IReadOnlyList<PullDay> Days);

    public static IEndpointRouteBuilder MapPullsApi(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/api/repositories/{alias}/{**rest:regex(^.+/pulls$)}", ["GET", "HEAD"], PullsAsync).WithName("RepositoryPulls").WithTags("Repositories");
        return app;
    }

    private static async Task<Results<Ok<PullsResponse>, ProblemHttpResult>> PullsAsync(
        string alias, string rest, string? days, string? tag, IPullHistory history, CancellationToken cancellationToken)
    {
        var span = DefaultDays;
        if (days is not null && (!int.TryParse(days, out span) || span is < 1 or > DailyPulls.MaxDays))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid days", detail: $"days is a whole number from 1 to {DailyPulls.MaxDays}");
        }

        var fullName = $"{alias}/{rest[..^Suffix.Length]}";
        return await history.DaysAsync(fullName, span, string.IsNullOrEmpty(tag) ? null : tag, cancellationToken) is { } list
            ? TypedResults.Ok(new PullsResponse(list))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"the gallery shows no repository {fullName}");
    }
}
