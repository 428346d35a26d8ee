using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Registry.Core.Events;

namespace Registry.Core.Attachments.Reading;

/// <summary>
/// Reads attachments off the push path: woken by every commit that wrote events (a push that attached something is
/// one), else every few seconds, so a large SBOM never holds a push up.
/// </summary>
internal sealed class AttachmentReadWorker(IServiceScopeFactory scopes, RegistryEventSignal signal, ILogger<AttachmentReadWorker> logger) : BackgroundService
{
    private const int Batch = 16;
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(3);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wake = signal.WaitAsync(stoppingToken);
            var taken = 0;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                taken = await scope.ServiceProvider.GetRequiredService<AttachmentReader>().ReadPendingAsync(Batch, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Reading attachments failed; will retry");
            }

            if (taken < Batch)
            {
                await Task.WhenAny(wake, Task.Delay(Poll, stoppingToken));
            }
        }
    }
}
