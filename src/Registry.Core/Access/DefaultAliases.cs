using System.Collections.Frozen;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Data;

namespace Registry.Core.Access;

/// <summary>
/// The default aliases of registries that took a custom alias. As on ECR Public, names under the default alias keep
/// working (pulls, pushes, gallery links) and mean the same repositories as under the primary one. The map is read
/// from the database at most every <see cref="RefreshInterval"/> and again at once after an alias change, on every
/// node (<see cref="Cluster.CacheNotices"/>; the interval only bounds how stale a node that missed the notice can be).
/// </summary>
public sealed class DefaultAliases(IServiceScopeFactory scopes) : IDisposable
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Snapshot? _snapshot;

    /// <summary>Counts invalidations, so a map read before one is not kept after it.</summary>
    private long _generation;

    private sealed record Snapshot(FrozenDictionary<string, string> Primary, long LoadedAt)
    {
        public bool Fresh => Stopwatch.GetElapsedTime(LoadedAt) <= RefreshInterval;
    }

    /// <summary>The primary alias a default alias stands for; null when the alias is primary itself, or nobody's.</summary>
    public async ValueTask<string?> PrimaryForAsync(string alias, CancellationToken cancellationToken) =>
        (await CurrentAsync(cancellationToken)).Primary.GetValueOrDefault(alias);

    /// <summary>A repository name under its registry's primary alias: "k3x9m2p7/app" becomes "acme/app"; others are unchanged.</summary>
    public async ValueTask<string> CanonicalNameAsync(string fullName, CancellationToken cancellationToken)
    {
        var slash = fullName.IndexOf('/');
        if (slash <= 0)
        {
            return fullName;
        }

        // Every /v2/ request comes here: the alias is looked up as a span, without a string of its own.
        var primaries = (await CurrentAsync(cancellationToken)).Primary.GetAlternateLookup<ReadOnlySpan<char>>();
        return primaries.TryGetValue(fullName.AsSpan(0, slash), out var primary) ? primary + fullName[slash..] : fullName;
    }

    /// <summary>Called after an alias change in this process: the next lookup reads the map again.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _snapshot = null;
    }

    public void Dispose() => _loading.Dispose();

    private ValueTask<Snapshot> CurrentAsync(CancellationToken cancellationToken) =>
        _snapshot is { Fresh: true } current ? ValueTask.FromResult(current) : new ValueTask<Snapshot>(LoadAsync(cancellationToken));

    private async Task<Snapshot> LoadAsync(CancellationToken cancellationToken)
    {
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_snapshot is { Fresh: true } loaded)
            {
                return loaded;
            }

            var generation = Interlocked.Read(ref _generation);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            var pairs = await db.Registries.AsNoTracking().Where(r => r.DefaultAlias != r.Alias)
                .Select(r => new { r.DefaultAlias, r.Alias }).ToListAsync(cancellationToken);
            var snapshot = new Snapshot(pairs.ToFrozenDictionary(p => p.DefaultAlias, p => p.Alias, StringComparer.Ordinal), Stopwatch.GetTimestamp());
            if (Interlocked.Read(ref _generation) == generation)
            {
                _snapshot = snapshot;
            }

            return snapshot;
        }
        finally
        {
            _loading.Release();
        }
    }
}
