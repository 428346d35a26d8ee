using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Registry.Core.Access.Tokens;
using Registry.Core.Oci;

namespace Registry.Core.Http.Distribution;

/// <summary>
/// Limits image pulls (manifest GETs) with token buckets from System.Threading.RateLimiting, the limiters behind
/// ASP.NET Core rate limiting: anonymous callers per client address, signed-in callers per account. The partition is
/// only known once the bearer token is read, which is why this runs in the registry's pipeline and not as middleware.
/// </summary>
public sealed class PullRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<(bool Anonymous, string Key)> _limiter;

    public PullRateLimiter(IOptions<RegistryOptions> options)
    {
        var limits = options.Value.RateLimits;
        _limiter = PartitionedRateLimiter.Create<(bool Anonymous, string Key), (bool, string)>(partition =>
        {
            var (perSecond, burst) = partition.Anonymous
                ? (limits.AnonymousPullsPerSecond, limits.AnonymousBurst)
                : (limits.AuthenticatedPullsPerSecond, limits.AuthenticatedBurst);
            return perSecond <= 0
                ? RateLimitPartition.GetNoLimiter(partition)
                : RateLimitPartition.GetTokenBucketLimiter(partition, _ => Bucket(perSecond, burst));
        });
    }

    /// <summary>Takes one pull from the caller's bucket, or refuses with 429 TOOMANYREQUESTS and Retry-After.</summary>
    public void Acquire(HttpContext context, RegistryGrant grant)
    {
        var partition = grant.AccountId is { } account
            ? (false, account)
            : (true, context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        using var lease = _limiter.AttemptAcquire(partition);
        if (lease.IsAcquired)
        {
            return;
        }

        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
        context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var who = grant.AccountId is null ? "anonymous pulls from this address" : "pulls by this account";
        throw new RegistryException(OciErrorCode.TooManyRequests, $"rate exceeded: {who} are limited; retry after {retryAfter} s, or sign in for a higher limit");
    }

    private static TokenBucketRateLimiterOptions Bucket(double perSecond, int burst)
    {
        // Whole tokens per period: 1/s refills 1 token a second, 0.5/s one every 2 seconds, 10/s ten a second.
        var (tokens, period) = perSecond >= 1 ? ((int)perSecond, TimeSpan.FromSeconds(1)) : (1, TimeSpan.FromSeconds(1 / perSecond));
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(burst, tokens),
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }

    public void Dispose() => _limiter.Dispose();
}
