using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Matching;

namespace Registry.Core.Http.EcrPublic;

/// <summary>Marks an endpoint that matches only requests carrying an <c>X-Amz-Target</c> header.</summary>
internal sealed record AmzTargetMetadata;

/// <summary>
/// Lets the JSON API share <c>POST /</c> with the gallery: endpoints carrying <see cref="AmzTargetMetadata"/> stop
/// matching when the request has no <c>X-Amz-Target</c>. Any target at all makes it an API call, so a wrong or
/// misspelt one is answered as AWS answers it (UnknownOperationException) rather than by the gallery.
/// </summary>
internal sealed class AmzTargetMatcherPolicy : MatcherPolicy, IEndpointSelectorPolicy
{
    public const string Header = "X-Amz-Target";

    public override int Order => 0;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) =>
        endpoints.Any(e => e.Metadata.GetMetadata<AmzTargetMetadata>() is not null);

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        var hasTarget = !string.IsNullOrWhiteSpace(httpContext.Request.Headers[Header].ToString());
        for (var i = 0; i < candidates.Count; i++)
        {
            if (!hasTarget && candidates.IsValidCandidate(i) && candidates[i].Endpoint.Metadata.GetMetadata<AmzTargetMetadata>() is not null)
            {
                candidates.SetValidity(i, false);
            }
        }

        return Task.CompletedTask;
    }
}
