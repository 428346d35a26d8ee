using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Registry.Core.Data;
using Registry.Core.Data.Entities;
using Registry.Core.Oci;

namespace Registry.Core.Repositories;

/// <summary>Which blobs each repository may serve: a blob is readable in a repository only once linked to it.</summary>
public sealed class BlobService(RegistryDbContext db, RepositoryService repositories)
{
    /// <summary>
    /// Every blob GET and HEAD asks this, so it is compiled once per model (EF Core refuses to run a compiled query
    /// on another model, and a test process has two): a LINQ query would be translated, its captured values extracted
    /// and its cache key hashed on every request, which cost more CPU than running it.
    /// </summary>
    private static readonly ConditionalWeakTable<IModel, Func<RegistryDbContext, string, string, CancellationToken, Task<long?>>> LinkedSize = new();

    private static Func<RegistryDbContext, string, string, CancellationToken, Task<long?>> CompileLinkedSize(IModel model) =>
        EF.CompileAsyncQuery((RegistryDbContext db, string repositoryName, string digest, CancellationToken cancellationToken) => (
            from link in db.RepositoryBlobs
            join repository in db.Repositories on link.RepositoryId equals repository.Id
            join blob in db.Blobs on link.Digest equals blob.Digest
            where repository.FullName == repositoryName && link.Digest == digest
            select (long?)blob.Size).FirstOrDefault());

    /// <summary>The size of a blob linked to the repository; NAME_UNKNOWN or BLOB_UNKNOWN otherwise.</summary>
    public async Task<long> GetLinkedSizeAsync(RepositoryName name, Digest digest, CancellationToken cancellationToken)
    {
        var linkedSize = LinkedSize.GetValue(db.Model, CompileLinkedSize);
        if (await linkedSize(db, name.FullName, digest.ToString(), cancellationToken) is { } found)
        {
            return found;
        }

        await repositories.GetIdAsync(name, cancellationToken);
        throw BlobUnknown(digest);
    }

    /// <summary>Links committed content to a repository, recording the blob the first time it is seen. Repeating it is harmless.</summary>
    public async Task LinkAsync(long repositoryId, Digest digest, long size, CancellationToken cancellationToken)
    {
        var digestText = digest.ToString();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                if (!await db.Blobs.AnyAsync(b => b.Digest == digestText, cancellationToken))
                {
                    db.Blobs.Add(new Blob { Digest = digestText, Size = size, CreatedAt = DateTime.UtcNow });
                }

                if (!await db.RepositoryBlobs.AnyAsync(l => l.RepositoryId == repositoryId && l.Digest == digestText, cancellationToken))
                {
                    db.RepositoryBlobs.Add(new RepositoryBlob { RepositoryId = repositoryId, Digest = digestText, LinkedAt = DateTime.UtcNow });
                }

                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // A concurrent push of the same blob inserted a row first; look again.
                db.ChangeTracker.Clear();
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Links a blob that another repository holds; false when that repository does not have it.</summary>
    public async Task<bool> MountAsync(RepositoryName target, Digest digest, RepositoryName? source, CancellationToken cancellationToken)
    {
        var digestText = digest.ToString();
        var query = from link in db.RepositoryBlobs
                    join repository in db.Repositories on link.RepositoryId equals repository.Id
                    join blob in db.Blobs on link.Digest equals blob.Digest
                    where link.Digest == digestText
                    select new { repository.FullName, blob.Size };
        if (source is not null)
        {
            query = query.Where(x => x.FullName == source.FullName);
        }

        var found = await query.FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return false;
        }

        var repositoryId = await repositories.GetForPushAsync(target, cancellationToken);
        await LinkAsync(repositoryId, digest, found.Size, cancellationToken);
        return true;
    }

    /// <summary>Removes the repository's link to a blob. The content stays while other repositories link it.</summary>
    public async Task UnlinkAsync(RepositoryName name, Digest digest, CancellationToken cancellationToken)
    {
        var repositoryId = await repositories.GetIdAsync(name, cancellationToken);
        var digestText = digest.ToString();
        var removed = await db.RepositoryBlobs.Where(l => l.RepositoryId == repositoryId && l.Digest == digestText).ExecuteDeleteAsync(cancellationToken);
        if (removed == 0)
        {
            throw BlobUnknown(digest);
        }
    }

    public static RegistryException BlobUnknown(Digest digest) =>
        new(OciErrorCode.BlobUnknown, $"blob {digest} is not in this repository", new { digest = digest.ToString() });
}
