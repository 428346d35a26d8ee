using Microsoft.EntityFrameworkCore;
using Registry.Core.Data;
using Registry.Core.Data.Entities;

namespace Registry.Core.Storage;

/// <summary>
/// Mark and sweep over the blob store, as Distribution's <c>registry garbage-collect</c>. First a repository's links to
/// blobs none of its manifests uses go (layers and configs of deleted images, uploads no manifest followed). Mark:
/// every digest the database still needs — blobs a repository links and uses, manifests (their bytes are blobs too),
/// what manifests reference, repository and registry logos. Sweep: the <c>Blobs</c> rows no repository links, and
/// every stored blob whose digest is not marked. Files the store did not put there are left alone and reported.
/// Run it while the registry takes no pushes: the layers of an image whose manifest is not pushed yet, or a manifest
/// stored but not yet recorded, look unused and would be collected.
/// </summary>
public sealed class BlobGarbageCollector(RegistryDbContext db, IBlobStore store)
{
    /// <param name="dryRun">Report what would go, delete nothing.</param>
    /// <param name="log">Gets one line per row or blob deleted (or that would be) and per foreign file.</param>
    public async Task<BlobGarbageCollection> RunAsync(bool dryRun, TextWriter log, CancellationToken cancellationToken)
    {
        var links = await SweepUnusedLinksAsync(dryRun, log, cancellationToken);
        var live = await MarkAsync(cancellationToken);
        var rows = await SweepRowsAsync(dryRun, log, cancellationToken);
        var verb = dryRun ? "would delete" : "deleted";
        int deleted = 0, kept = 0, foreign = 0;
        long freed = 0;
        await foreach (var blob in store.ListAsync(cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (blob.Digest is not { } digest)
            {
                foreign++;
                await log.WriteLineAsync($"left alone: {blob.Name} ({blob.Size} bytes) is not a blob this store wrote");
            }
            else if (live.Contains(digest.ToString()))
            {
                kept++;
            }
            else if (dryRun || await store.DeleteAsync(digest, cancellationToken))
            {
                deleted++;
                freed += blob.Size;
                await log.WriteLineAsync($"{verb} blob {digest} ({blob.Size} bytes)");
            }
        }

        return new BlobGarbageCollection(dryRun, live.Count, links, rows, deleted, freed, kept, foreign);
    }

    /// <summary>Every digest some row still needs. The only part of the work held in memory.</summary>
    private async Task<HashSet<string>> MarkAsync(CancellationToken cancellationToken)
    {
        var live = new HashSet<string>(StringComparer.Ordinal);
        IQueryable<string?>[] needed =
        [
            Links(used: true).Select(l => (string?)l.Digest).Distinct(),
            db.Manifests.Select(m => (string?)m.Digest).Distinct(),
            db.ManifestReferences.Select(r => (string?)r.Digest).Distinct(),
            db.Repositories.Where(r => r.LogoDigest != null).Select(r => r.LogoDigest),
            db.Registries.Where(r => r.LogoDigest != null).Select(r => r.LogoDigest),
        ];
        foreach (var query in needed)
        {
            await foreach (var digest in query.AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                live.Add(digest!);
            }
        }

        return live;
    }

    /// <summary>
    /// A repository's links to blobs that no manifest of that repository uses as config, layer or child. In a dry run
    /// they are only listed, and <see cref="Links"/> with used: true leaves them out of the mark all the same.
    /// </summary>
    private async Task<int> SweepUnusedLinksAsync(bool dryRun, TextWriter log, CancellationToken cancellationToken)
    {
        var unused = Links(used: false);
        var listed = 0;
        var names = unused.Join(db.Repositories, l => l.RepositoryId, r => r.Id, (l, r) => new { l.Digest, r.FullName });
        await foreach (var link in names.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            listed++;
            await log.WriteLineAsync($"{(dryRun ? "would unlink" : "unlinking")} {link.Digest} from {link.FullName}: none of its manifests uses it");
        }

        return dryRun || listed == 0 ? listed : await unused.ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Repository links that some manifest of the same repository uses (<paramref name="used"/>), or that none does.</summary>
    private IQueryable<RepositoryBlob> Links(bool used) => db.RepositoryBlobs.Where(l =>
        (db.ManifestReferences.Any(r => r.Digest == l.Digest && db.Manifests.Any(m => m.Id == r.ManifestId && m.RepositoryId == l.RepositoryId))
         || db.Manifests.Any(m => m.Digest == l.Digest && m.RepositoryId == l.RepositoryId)) == used);

    /// <summary>Blob rows exist for repository links alone: a row no used link keeps is removed (its bytes go with the files, if unmarked).</summary>
    private async Task<int> SweepRowsAsync(bool dryRun, TextWriter log, CancellationToken cancellationToken)
    {
        var unlinked = db.Blobs.Where(b => !Links(true).Any(l => l.Digest == b.Digest));
        var listed = 0;
        await foreach (var row in unlinked.AsNoTracking().Select(b => new { b.Digest, b.Size }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            listed++;
            await log.WriteLineAsync($"{(dryRun ? "would delete" : "deleting")} row Blobs {row.Digest} ({row.Size} bytes): no repository links it");
        }

        return dryRun || listed == 0 ? listed : await unlinked.ExecuteDeleteAsync(cancellationToken);
    }
}
