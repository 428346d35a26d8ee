using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Gallery.Web.Console;

/// <summary>
/// The framework's rate limiting on the account form posts, one token bucket per client address (behind a proxy,
/// the forwarded address when ASPNETCORE_FORWARDEDHEADERS_ENABLED is set).
/// </summary>
public static class AccountPostRateLimit
{
    public const string PolicyName = "account-posts";

    public static IServiceCollection AddAccountPostRateLimit(this IServiceCollection services) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString();
                }

                await context.HttpContext.Response.WriteAsync(
                    "Too many sign-in, sign-up or password attempts from your address. Wait a minute, then go back and try again.", cancellationToken);
            };
            limiter.AddPolicy(PolicyName, http =>
            {
                var perMinute = http.RequestServices.GetRequiredService<IOptions<ConsoleOptions>>().Value.AccountPostsPerMinute;
                var address = http.Connection.RemoteIpAddress?.ToString() ?? "";
                return perMinute <= 0
                    ? RateLimitPartition.GetNoLimiter(address)
                    : RateLimitPartition.GetTokenBucketLimiter(address, _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = perMinute,
                        TokensPerPeriod = 1,
                        ReplenishmentPeriod = TimeSpan.FromMinutes(1) / perMinute,
                        QueueLimit = 0,
                    });
            });
        });
}
