using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Matching;

namespace Registry.Core.Http.EcrPublic;

/// <summary>Marks an endpoint that matches only requests whose <c>X-Amz-Target</c> starts with <see cref="Prefix"/>.</summary>
internal sealed record AmzTargetMetadata(string Prefix);

/// <summary>
/// Lets the JSON API share <c>POST /</c> with the gallery: endpoints carrying <see cref="AmzTargetMetadata"/> stop
/// matching when the request has no such <c>X-Amz-Target</c> header.
/// </summary>
internal sealed class AmzTargetMatcherPolicy : MatcherPolicy, IEndpointSelectorPolicy
{
    public const string Header = "X-Amz-Target";

    public override int Order => 0;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) =>
        endpoints.Any(e => e.Metadata.GetMetadata<AmzTargetMetadata>() is not null);

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        var target = httpContext.Request.Headers[Header].ToString();
        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates.IsValidCandidate(i) && candidates[i].Endpoint.Metadata.GetMetadata<AmzTargetMetadata>() is { } metadata
                && !target.StartsWith(metadata.Prefix, StringComparison.Ordinal))
            {
                candidates.SetValidity(i, false);
            }
        }

        return Task.CompletedTask;
    }
}
