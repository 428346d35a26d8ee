using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Registry.Core.Access.Tokens;
using Registry.Core.Oci;

namespace Registry.Core.Http.Distribution;

/// <summary>
/// Limits image pulls (manifest GETs): anonymous callers per client address, signed-in callers per account, each with
/// the configured rate and burst (<see cref="PullAllowance"/>). The buckets live where every node sees them when nodes
/// share a PostgreSQL database (<see cref="IPullBuckets"/>). The partition is only known once the bearer token is read,
/// which is why this runs in the registry's pipeline and not as middleware.
/// </summary>
public sealed class PullRateLimiter(IPullBuckets buckets, IOptions<RegistryOptions> options)
{
    /// <summary>Takes one pull from the caller's bucket, or refuses with 429 TOOMANYREQUESTS and Retry-After.</summary>
    public async ValueTask AcquireAsync(HttpContext context, RegistryGrant grant)
    {
        var limits = options.Value.RateLimits;
        var (key, allowance) = grant.AccountId is { } account
            ? ("account:" + account, new PullAllowance(limits.AuthenticatedPullsPerSecond, limits.AuthenticatedBurst))
            : ("anonymous:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"), new PullAllowance(limits.AnonymousPullsPerSecond, limits.AnonymousBurst));
        if (allowance.PerSecond <= 0 || await buckets.TakeAsync(key, allowance, context.RequestAborted) is not { } wait)
        {
            return;
        }

        var retryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var who = grant.AccountId is null ? "anonymous pulls from this address" : "pulls by this account";
        throw new RegistryException(OciErrorCode.TooManyRequests, $"rate exceeded: {who} are limited; retry after {retryAfter} s, or sign in for a higher limit");
    }
}
