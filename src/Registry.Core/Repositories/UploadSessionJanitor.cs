using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Registry.Core.Repositories;

/// <summary>Periodically ends upload sessions nobody has touched within their lifetime, freeing their storage.</summary>
internal sealed class UploadSessionJanitor(IServiceScopeFactory scopes, ILogger<UploadSessionJanitor> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var expired = await scope.ServiceProvider.GetRequiredService<UploadExpiry>().ExpireAsync(stoppingToken);
                if (expired > 0)
                {
                    logger.LogInformation("Expired {Count} abandoned upload session(s)", expired);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Expiring upload sessions failed; will retry");
            }
        }
    }
}
