using Microsoft.EntityFrameworkCore;
using Registry.Core.Data;
using Registry.Core.Data.Entities;
using Registry.Core.Webhooks;

namespace Gallery.Indexer.Webhooks;

/// <summary>
/// Turns outbox events into deliveries, one per webhook that wants the event, with the body fixed now. Queuing an
/// event twice (after a restart, or on two nodes at once) adds nothing: a delivery is unique per webhook and event.
/// </summary>
public sealed class WebhookQueue(RegistryDbContext db)
{
    private sealed record Subscriber(long Id, string? RepositoryName, List<string> Events, string Alias, string DefaultAlias);

    /// <summary>Queues deliveries for the events (in id order); returns how many were added.</summary>
    public async Task<int> EnqueueAsync(IReadOnlyList<RegistryEvent> events, CancellationToken cancellationToken)
    {
        var reported = events.Where(e => WebhookEvents.FromOutbox(e.Type) is not null && e.Repository.Contains('/')).OrderBy(e => e.Id).ToList();
        if (reported.Count == 0)
        {
            return 0;
        }

        var aliases = reported.Select(e => AliasOf(e.Repository)).Distinct().ToList();
        var subscribers = await db.Webhooks.AsNoTracking()
            .Where(w => aliases.Contains(w.Registry.Alias) || aliases.Contains(w.Registry.DefaultAlias))
            .Select(w => new Subscriber(w.Id, w.RepositoryName, w.Events, w.Registry.Alias, w.Registry.DefaultAlias))
            .ToListAsync(cancellationToken);
        if (subscribers.Count == 0)
        {
            return 0;
        }

        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await AddAsync(reported, subscribers, cancellationToken);
            }
            catch (DbUpdateException) when (attempt < 2)
            {
                // Another node queued some of them at the same moment; what is queued now is skipped on the retry.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<int> AddAsync(List<RegistryEvent> events, List<Subscriber> subscribers, CancellationToken cancellationToken)
    {
        var eventIds = events.Select(e => (long?)e.Id).ToList();
        var queued = (await db.WebhookDeliveries.AsNoTracking().Where(d => eventIds.Contains(d.EventId))
            .Select(d => new { d.WebhookId, d.EventId }).ToListAsync(cancellationToken))
            .Select(d => (d.WebhookId, d.EventId!.Value)).ToHashSet();
        var platforms = new Dictionary<(string, string), IReadOnlyList<string>>();
        var now = DateTime.UtcNow;
        var added = 0;
        foreach (var e in events)
        {
            var eventName = WebhookEvents.FromOutbox(e.Type)!;
            var alias = AliasOf(e.Repository);
            var name = e.Repository[(alias.Length + 1)..];
            foreach (var hook in subscribers.Where(s => (s.Alias == alias || s.DefaultAlias == alias)
                         && (s.RepositoryName is null || s.RepositoryName == name) && s.Events.Contains(eventName)))
            {
                if (!queued.Add((hook.Id, e.Id)))
                {
                    continue;
                }

                var deliveryId = Guid.NewGuid().ToString();
                var payload = await PayloadAsync(e, eventName, deliveryId, platforms, cancellationToken);
                db.WebhookDeliveries.Add(WebhookService.NewDelivery(hook.Id, e.Id, deliveryId, eventName, e.Repository, payload, now));
                added++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return added;
    }

    private async Task<string> PayloadAsync(RegistryEvent e, string eventName, string deliveryId,
        Dictionary<(string, string), IReadOnlyList<string>> platforms, CancellationToken cancellationToken)
    {
        var at = DateTime.SpecifyKind(e.OccurredAt, DateTimeKind.Utc);
        return eventName switch
        {
            WebhookEvents.ImagePushed => WebhookPayloads.Serialize(new ImagePushedPayload(deliveryId, eventName, at, e.Repository, e.Tag, e.Digest ?? "",
                await PlatformsAsync(e, platforms, cancellationToken), e.Actor)),
            WebhookEvents.TagMoved => WebhookPayloads.Serialize(new TagMovedPayload(deliveryId, eventName, at, e.Repository, e.Tag ?? "", e.Digest ?? "",
                await PlatformsAsync(e, platforms, cancellationToken), e.Actor)),
            WebhookEvents.ImageDeleted => WebhookPayloads.Serialize(new ImageDeletedPayload(deliveryId, eventName, at, e.Repository, e.Digest ?? "", e.Actor)),
            _ => WebhookPayloads.Serialize(new RepositoryPayload(deliveryId, eventName, at, e.Repository, e.Actor)),
        };
    }

    /// <summary>The image's platforms as <c>os/architecture[/variant]</c> (none when it is gone by now).</summary>
    private async Task<IReadOnlyList<string>> PlatformsAsync(RegistryEvent e, Dictionary<(string, string), IReadOnlyList<string>> cache, CancellationToken cancellationToken)
    {
        var key = (e.Repository, e.Digest ?? "");
        if (!cache.TryGetValue(key, out var list))
        {
            // Joined from the repository (as nested EXISTS on each platform row, SQLite read every image's platforms).
            var rows = await (from r in db.Repositories.AsNoTracking()
                              where r.FullName == e.Repository
                              join m in db.Manifests.AsNoTracking() on r.Id equals m.RepositoryId
                              where m.Digest == e.Digest
                              join p in db.ImagePlatforms.AsNoTracking() on m.Id equals p.ManifestId
                              orderby p.Id
                              select new { p.Os, p.Architecture, p.Variant }).ToListAsync(cancellationToken);
            cache[key] = list = rows.Select(p => p.Variant is null ? $"{p.Os}/{p.Architecture}" : $"{p.Os}/{p.Architecture}/{p.Variant}").Distinct().ToList();
        }

        return list;
    }

    private static string AliasOf(string repository) => repository[..repository.IndexOf('/')];
}
