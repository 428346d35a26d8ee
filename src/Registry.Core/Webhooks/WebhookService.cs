using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Registry.Core.Access;
using Registry.Core.Data;
using Registry.Core.Data.Entities;
using Registry.Core.Events;
using Registry.Core.Oci;

namespace Registry.Core.Webhooks;

/// <summary>
/// A publisher's webhooks: create, list, replace, delete, send a test, their last deliveries and redelivery. A caller
/// sees only its own registry's webhooks; another's read as missing (null).
/// </summary>
public sealed class WebhookService(RegistryDbContext db, WebhookSecrets secrets, RegistryEventSignal signal, IOptions<WebhookOptions> options)
{
    public const int DeliveriesShown = 100;

    public async Task<IReadOnlyList<WebhookView>> ListAsync(Caller caller, CancellationToken cancellationToken)
    {
        var rows = await db.Webhooks.AsNoTracking().Where(w => w.RegistryKey == caller.RegistryKey).OrderBy(w => w.Id).ToListAsync(cancellationToken);
        return rows.Select(w => View(caller, w)).ToList();
    }

    public async Task<WebhookView?> GetAsync(Caller caller, long id, CancellationToken cancellationToken) =>
        await FindAsync(caller, id, cancellationToken) is { } row ? View(caller, row) : null;

    public async Task<WebhookView> CreateAsync(Caller caller, WebhookInput input, CancellationToken cancellationToken)
    {
        var checkedInput = await CheckAsync(caller, input, secretRequired: true, cancellationToken);
        if (await db.Webhooks.CountAsync(w => w.RegistryKey == caller.RegistryKey, cancellationToken) >= WebhookRules.MaxWebhooksPerRegistry)
        {
            throw new WebhookException($"a registry has at most {WebhookRules.MaxWebhooksPerRegistry} webhooks; delete one first");
        }

        var now = DateTime.UtcNow;
        var row = new Webhook
        {
            RegistryKey = caller.RegistryKey,
            RepositoryName = checkedInput.RepositoryName,
            Url = checkedInput.Url,
            ProtectedSecret = secrets.Protect(input.Secret!),
            Events = checkedInput.Events,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Webhooks.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return View(caller, row);
    }

    public async Task<WebhookView?> UpdateAsync(Caller caller, long id, WebhookInput input, CancellationToken cancellationToken)
    {
        var row = await db.Webhooks.FirstOrDefaultAsync(w => w.Id == id && w.RegistryKey == caller.RegistryKey, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var checkedInput = await CheckAsync(caller, input, secretRequired: false, cancellationToken);
        row.RepositoryName = checkedInput.RepositoryName;
        row.Url = checkedInput.Url;
        row.Events = checkedInput.Events;
        if (input.Secret is not null)
        {
            row.ProtectedSecret = secrets.Protect(input.Secret);
        }

        row.UpdatedAt = DateTime.UtcNow;
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return View(caller, row);
    }

    public async Task<bool> DeleteAsync(Caller caller, long id, CancellationToken cancellationToken) =>
        await db.Webhooks.Where(w => w.Id == id && w.RegistryKey == caller.RegistryKey).ExecuteDeleteAsync(cancellationToken) > 0;

    /// <summary>The webhook's last deliveries, newest first; null when it is not the caller's.</summary>
    public async Task<IReadOnlyList<WebhookDeliveryView>?> DeliveriesAsync(Caller caller, long id, CancellationToken cancellationToken)
    {
        if (await FindAsync(caller, id, cancellationToken) is null)
        {
            return null;
        }

        var rows = await db.WebhookDeliveries.AsNoTracking().Where(d => d.WebhookId == id)
            .OrderByDescending(d => d.Id).Take(DeliveriesShown).ToListAsync(cancellationToken);
        return rows.Select(View).ToList();
    }

    /// <summary>Queues a <c>ping</c> for the webhook; null when it is not the caller's.</summary>
    public async Task<WebhookDeliveryView?> SendTestAsync(Caller caller, long id, CancellationToken cancellationToken)
    {
        var webhook = await FindAsync(caller, id, cancellationToken);
        if (webhook is null)
        {
            return null;
        }

        var deliveryId = Guid.NewGuid().ToString();
        var now = DateTime.UtcNow;
        var repository = webhook.RepositoryName is null ? null : $"{caller.Alias}/{webhook.RepositoryName}";
        var payload = WebhookPayloads.Serialize(new PingPayload(deliveryId, WebhookEvents.Ping, now, id, repository));
        return await QueueAsync(NewDelivery(id, null, deliveryId, WebhookEvents.Ping, null, payload, now), cancellationToken);
    }

    /// <summary>Sends a delivery's body again, under its delivery id, as a new delivery; null when it is not the caller's.</summary>
    public async Task<WebhookDeliveryView?> RedeliverAsync(Caller caller, long deliveryRowId, CancellationToken cancellationToken)
    {
        var original = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.Id == deliveryRowId && db.Webhooks.Any(w => w.Id == d.WebhookId && w.RegistryKey == caller.RegistryKey))
            .FirstOrDefaultAsync(cancellationToken);
        return original is null
            ? null
            : await QueueAsync(NewDelivery(original.WebhookId, null, original.DeliveryId, original.Event, original.Repository, original.Payload, DateTime.UtcNow), cancellationToken);
    }

    /// <summary>A delivery due now; the webhook worker queues events with it too.</summary>
    public static WebhookDelivery NewDelivery(long webhookId, long? eventId, string deliveryId, string eventName, string? repository, string payload, DateTime now) => new()
    {
        WebhookId = webhookId,
        EventId = eventId,
        DeliveryId = deliveryId,
        Event = eventName,
        Repository = repository,
        Payload = payload,
        State = WebhookDeliveryState.Pending,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    private async Task<WebhookDeliveryView> QueueAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        db.WebhookDeliveries.Add(delivery);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        signal.Notify(); // wakes the webhook worker (and the indexer, which finds no event)
        return View(delivery);
    }

    private Task<Webhook?> FindAsync(Caller caller, long id, CancellationToken cancellationToken) =>
        db.Webhooks.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id && w.RegistryKey == caller.RegistryKey, cancellationToken);

    private sealed record CheckedInput(string? RepositoryName, string Url, List<string> Events);

    private async Task<CheckedInput> CheckAsync(Caller caller, WebhookInput input, bool secretRequired, CancellationToken cancellationToken)
    {
        if (WebhookRules.UrlProblem(input.Url) is { } urlProblem)
        {
            throw new WebhookException(urlProblem);
        }

        if ((secretRequired || input.Secret is not null) && WebhookRules.SecretProblem(input.Secret) is { } secretProblem)
        {
            throw new WebhookException(secretProblem);
        }

        if (WebhookRules.EventsProblem(input.Events) is { } eventsProblem)
        {
            throw new WebhookException(eventsProblem);
        }

        var host = new Uri(input.Url!).IdnHost;
        var (_, refusal) = await WebhookTargets.ResolveAsync(host, options.Value.AllowPrivateTargets, cancellationToken);
        if (refusal is not null)
        {
            throw new WebhookException($"url is refused: {refusal}");
        }

        return new CheckedInput(await RepositoryNameAsync(caller, input.Repository, cancellationToken), input.Url!, input.Events!.Distinct().ToList());
    }

    private async Task<string?> RepositoryNameAsync(Caller caller, string? repository, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(repository))
        {
            return null;
        }

        if (!RepositoryName.TryParse(repository, out var name, out var error))
        {
            throw new WebhookException(error);
        }

        if (name.Alias != caller.Alias || !await db.Repositories.AnyAsync(r => r.RegistryKey == caller.RegistryKey && r.Name == name.Name, cancellationToken))
        {
            throw new WebhookException($"repository {name.FullName} is not one of yours; name one of {caller.Alias}/..., or leave it out for all of them");
        }

        return name.Name;
    }

    private static WebhookView View(Caller caller, Webhook row) =>
        new(row.Id, row.RepositoryName is null ? null : $"{caller.Alias}/{row.RepositoryName}", row.Url, row.Events,
            Utc(row.CreatedAt), Utc(row.UpdatedAt));

    private static WebhookDeliveryView View(WebhookDelivery d) =>
        new(d.Id, d.DeliveryId, d.Event, d.Repository, d.State.ToString().ToLowerInvariant(), d.Attempts, Utc(d.CreatedAt),
            d.LastAttemptAt is { } at ? Utc(at) : null, d.State == WebhookDeliveryState.Pending ? Utc(d.NextAttemptAt) : null,
            d.LastStatus, d.LastLatencyMs, d.LastResponse);

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
