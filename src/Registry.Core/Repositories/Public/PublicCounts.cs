using Microsoft.EntityFrameworkCore;
using Registry.Core.Data;
using Registry.Core.Data.Entities;

namespace Registry.Core.Repositories.Public;

/// <summary>
/// Keeps the public catalog's totals (<see cref="GalleryTotalsRow"/>), each registry's count of public repositories and
/// each repository's counted tags and images right as they change, in the transaction of the change, so that no page
/// counts the catalog. A suspended publisher's repositories stay counted in their registry but leave the totals.
/// <para>
/// Every change first locks the registry row it touches: changes to one registry's counts and its suspension happen
/// one at a time, and each reads what the one before it committed (PostgreSQL's read committed takes a new snapshot
/// per statement; SQLite writes one at a time anyway). Locks are taken registry, then repository, then totals.
/// </para>
/// </summary>
public static class PublicCounts
{
    /// <summary>
    /// Counts one repository's tags and whether it holds an image again, and moves its registry's count and the
    /// totals by the difference. Call after the change is saved, before its transaction commits.
    /// </summary>
    public static async Task RecountRepositoryAsync(RegistryDbContext db, long repositoryId, CancellationToken cancellationToken)
    {
        var registryId = await db.Repositories.Where(r => r.Id == repositoryId).Select(r => (long?)r.RegistryId).FirstOrDefaultAsync(cancellationToken);
        if (registryId is not { } registry)
        {
            return;
        }

        await LockRegistriesAsync(db, [registry], cancellationToken);
        var counted = await db.Repositories.AsNoTracking().Where(r => r.Id == repositoryId)
            .Select(r => new { r.TagCount, r.HasImages }).FirstAsync(cancellationToken);
        var tags = await db.Tags.CountAsync(t => t.RepositoryId == repositoryId, cancellationToken);
        var hasImages = await db.Manifests.AnyAsync(m => m.RepositoryId == repositoryId, cancellationToken);
        if (tags == counted.TagCount && hasImages == counted.HasImages)
        {
            return;
        }

        await db.Repositories.Where(r => r.Id == repositoryId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.TagCount, tags).SetProperty(r => r.HasImages, hasImages), cancellationToken);
        var repositories = (hasImages ? 1 : 0) - (counted.HasImages ? 1 : 0);
        var publishers = 0;
        if (repositories != 0)
        {
            await db.Registries.Where(r => r.Id == registry)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.PublicRepositoryCount, r => r.PublicRepositoryCount + repositories), cancellationToken);
            var now = await db.Registries.Where(r => r.Id == registry).Select(r => r.PublicRepositoryCount).FirstAsync(cancellationToken);
            publishers = Listed(now) - Listed(now - repositories);
        }

        if (await VisibleAsync(db, [registry], cancellationToken) is { Count: > 0 })
        {
            await AddToTotalsAsync(db, repositories, publishers, tags - counted.TagCount, 0, cancellationToken);
        }
    }

    /// <summary>
    /// Takes a repository out of the totals before its row is deleted: its tags and images must be deleted already
    /// (in the same transaction); its pulls leave with it.
    /// </summary>
    public static async Task RemovingRepositoryAsync(RegistryDbContext db, long repositoryId, CancellationToken cancellationToken)
    {
        await RecountRepositoryAsync(db, repositoryId, cancellationToken);
        var row = await db.Repositories.Where(r => r.Id == repositoryId).Select(r => new { r.RegistryId, r.PullCount }).FirstOrDefaultAsync(cancellationToken);
        if (row is { PullCount: not 0 } && await VisibleAsync(db, [row.RegistryId], cancellationToken) is { Count: > 0 })
        {
            await AddToTotalsAsync(db, 0, 0, 0, -row.PullCount, cancellationToken);
        }
    }

    /// <summary>
    /// A publisher was suspended or restored (saved, not committed): its registry's repositories, tags and pulls
    /// leave the totals or come back. Call only when the flag really changed.
    /// </summary>
    public static async Task SuspensionChangedAsync(RegistryDbContext db, long registryId, bool suspended, CancellationToken cancellationToken)
    {
        await LockRegistriesAsync(db, [registryId], cancellationToken);
        var repositories = db.Repositories.Where(r => r.RegistryId == registryId);
        var publicRepositories = await repositories.CountAsync(r => r.HasImages, cancellationToken);
        var tags = await repositories.SumAsync(r => (long)r.TagCount, cancellationToken);
        var pulls = await repositories.SumAsync(r => r.PullCount, cancellationToken);
        var sign = suspended ? -1 : 1;
        await AddToTotalsAsync(db, sign * publicRepositories, sign * Listed(publicRepositories), sign * tags, sign * pulls, cancellationToken);
    }

    /// <summary>
    /// Locks the registries' rows until the transaction ends (a no-op update): the first step of every change to
    /// their counts, and of a pull count flush, before it touches repository rows.
    /// </summary>
    public static Task LockRegistriesAsync(RegistryDbContext db, IReadOnlyCollection<long> registryIds, CancellationToken cancellationToken) =>
        db.Registries.Where(r => registryIds.Contains(r.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.PublicRepositoryCount, r => r.PublicRepositoryCount), cancellationToken);

    /// <summary>Of these registries, those whose publisher is not suspended (read after locking them).</summary>
    public static async Task<HashSet<long>> VisibleAsync(RegistryDbContext db, IReadOnlyCollection<long> registryIds, CancellationToken cancellationToken) =>
        [.. await db.VisibleRegistries().AsNoTracking().Where(r => registryIds.Contains(r.Id))
            .Select(r => r.Id).ToListAsync(cancellationToken)];

    /// <summary>Adds pulls of visible publishers' repositories (their registries locked first) to the totals.</summary>
    public static Task AddPullsAsync(RegistryDbContext db, long pulls, CancellationToken cancellationToken) =>
        pulls == 0 ? Task.CompletedTask : AddToTotalsAsync(db, 0, 0, 0, pulls, cancellationToken);

    /// <summary>
    /// Counts everything again from the rows, for a database whose counts were never kept (after the migration that
    /// adds them, or rows written directly). Run it while nothing else writes.
    /// </summary>
    public static async Task RecountAllAsync(RegistryDbContext db, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Repositories.ExecuteUpdateAsync(s => s
            .SetProperty(r => r.TagCount, r => db.Tags.Count(t => t.RepositoryId == r.Id))
            .SetProperty(r => r.HasImages, r => db.Manifests.Any(m => m.RepositoryId == r.Id)), cancellationToken);
        await db.Registries.ExecuteUpdateAsync(s => s
            .SetProperty(g => g.PublicRepositoryCount, g => db.Repositories.Count(r => r.RegistryId == g.Id && r.HasImages)), cancellationToken);
        var visible = db.VisibleRepositories();
        var repositories = await visible.CountAsync(r => r.HasImages, cancellationToken);
        var publishers = await db.VisibleRegistries().CountAsync(g => g.PublicRepositoryCount > 0, cancellationToken);
        var tags = await visible.SumAsync(r => (long)r.TagCount, cancellationToken);
        var pulls = await visible.SumAsync(r => r.PullCount, cancellationToken);
        await db.GalleryTotals.Where(t => t.Id == GalleryTotalsRow.SingleId).ExecuteUpdateAsync(s => s
            .SetProperty(t => t.Repositories, repositories).SetProperty(t => t.Publishers, publishers)
            .SetProperty(t => t.Tags, tags).SetProperty(t => t.Pulls, pulls), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The kept totals: one row, so nothing here grows with the catalog.</summary>
    public static async Task<PublicTotals> ReadTotalsAsync(RegistryDbContext db, CancellationToken cancellationToken) =>
        await db.GalleryTotals.AsNoTracking().Where(t => t.Id == GalleryTotalsRow.SingleId)
            .Select(t => new PublicTotals(t.Repositories, t.Publishers, t.Tags, t.Pulls)).FirstOrDefaultAsync(cancellationToken)
        ?? new PublicTotals(0, 0, 0, 0);

    private static int Listed(int publicRepositories) => publicRepositories > 0 ? 1 : 0;

    private static Task AddToTotalsAsync(RegistryDbContext db, int repositories, int publishers, long tags, long pulls, CancellationToken cancellationToken) =>
        db.GalleryTotals.Where(t => t.Id == GalleryTotalsRow.SingleId).ExecuteUpdateAsync(s => s
            .SetProperty(t => t.Repositories, t => t.Repositories + repositories)
            .SetProperty(t => t.Publishers, t => t.Publishers + publishers)
            .SetProperty(t => t.Tags, t => t.Tags + tags)
            .SetProperty(t => t.Pulls, t => t.Pulls + pulls), cancellationToken);
}
