using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Registry.Core.Data;
using Registry.Core.Data.Entities;
using Registry.Core.Webhooks;

namespace Gallery.Indexer.Webhooks;

/// <summary>
/// Claims due deliveries and sends them. A delivery of an event waits while an earlier event's delivery for the same
/// webhook and repository is still pending, so each receiver sees one repository's events in order. A claim is a
/// conditional update, so two nodes never send the same delivery at once; a node that dies holding one loses its
/// claim after the lease and another node sends it (at least once).
/// </summary>
public sealed class WebhookDispatcher(RegistryDbContext db, WebhookClient client, WebhookSecrets secrets, IOptions<WebhookOptions> options)
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromHours(1);
    private readonly WebhookOptions _options = options.Value;

    private TimeSpan Lease => _options.Timeout + TimeSpan.FromSeconds(30);

    /// <summary>Claims up to <paramref name="max"/> due deliveries this node is not sending already.</summary>
    public async Task<IReadOnlyList<long>> ClaimDueAsync(int max, IReadOnlyCollection<long> sending, CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
        var pending = db.WebhookDeliveries.Where(d => d.State == WebhookDeliveryState.Pending);
        var due = await pending
            .Where(d => d.NextAttemptAt <= now && (d.ClaimedUntil == null || d.ClaimedUntil < now) && !sending.Contains(d.Id))
            .Where(d => d.EventId == null || !pending.Any(e => e.WebhookId == d.WebhookId && e.Repository == d.Repository && e.EventId != null && e.EventId < d.EventId))
            .OrderBy(d => d.Id).Select(d => d.Id).Take(max).ToListAsync(cancellationToken);
        var claimed = new List<long>();
        foreach (var id in due)
        {
            var until = now + Lease;
            if (await db.WebhookDeliveries
                    .Where(d => d.Id == id && d.State == WebhookDeliveryState.Pending && (d.ClaimedUntil == null || d.ClaimedUntil < now))
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedUntil, until), cancellationToken) == 1)
            {
                claimed.Add(id);
            }
        }

        return claimed;
    }

    /// <summary>Sends a claimed delivery once and records the outcome: delivered, retried later, or given up after <see cref="WebhookOptions.RetryFor"/>.</summary>
    public async Task SendAsync(long id, CancellationToken cancellationToken)
    {
        var delivery = await db.WebhookDeliveries.FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        var webhook = delivery is null ? null : await db.Webhooks.AsNoTracking().FirstOrDefaultAsync(w => w.Id == delivery.WebhookId, cancellationToken);
        if (delivery is null || webhook is null)
        {
            return; // deleted with its webhook meanwhile
        }

        WebhookClient.Attempt attempt;
        try
        {
            attempt = await client.SendAsync(webhook.Url, delivery.Event, delivery.DeliveryId, delivery.Payload, secrets.Unprotect(webhook.ProtectedSecret), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // This node is stopping: let the next one (or this one, restarted) send it at once rather than after the lease.
            delivery.ClaimedUntil = null;
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }

        var now = DateTime.UtcNow;
        delivery.Attempts++;
        delivery.LastAttemptAt = now;
        delivery.LastStatus = attempt.Status;
        delivery.LastLatencyMs = attempt.LatencyMs;
        delivery.LastResponse = attempt.Response;
        delivery.ClaimedUntil = null;
        if (attempt.Succeeded)
        {
            delivery.State = WebhookDeliveryState.Delivered;
        }
        else if (now - delivery.CreatedAt >= _options.RetryFor)
        {
            delivery.State = WebhookDeliveryState.Failed;
        }
        else
        {
            delivery.NextAttemptAt = now + RetryDelay(delivery.Attempts);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Keeps each webhook's last <see cref="WebhookService.DeliveriesShown"/> deliveries (and every pending one).</summary>
    public async Task PruneAsync(CancellationToken cancellationToken)
    {
        var crowded = await db.WebhookDeliveries.GroupBy(d => d.WebhookId).Where(g => g.Count() > WebhookService.DeliveriesShown)
            .Select(g => g.Key).ToListAsync(cancellationToken);
        foreach (var webhookId in crowded)
        {
            var oldestKept = await db.WebhookDeliveries.Where(d => d.WebhookId == webhookId).OrderByDescending(d => d.Id)
                .Skip(WebhookService.DeliveriesShown - 1).Select(d => d.Id).FirstAsync(cancellationToken);
            await db.WebhookDeliveries.Where(d => d.WebhookId == webhookId && d.Id < oldestKept && d.State != WebhookDeliveryState.Pending)
                .ExecuteDeleteAsync(cancellationToken);
        }
    }

    private TimeSpan RetryDelay(int attempts)
    {
        var delay = _options.FirstRetryDelay * Math.Pow(2, Math.Min(attempts - 1, 20));
        return delay < MaxRetryDelay ? delay : MaxRetryDelay;
    }
}
