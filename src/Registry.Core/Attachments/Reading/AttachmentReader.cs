using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Registry.Core.Data;
using Registry.Core.Data.Entities;
using Registry.Core.Events;
using Registry.Core.Oci;
using Registry.Core.Repositories;
using Registry.Core.Storage;

namespace Registry.Core.Attachments.Reading;

/// <summary>
/// Reads pending attachments' documents and stores what they say, each with an <c>attachments.read</c> event for the
/// subject's repository. A row is claimed first, so nodes share the work; a claim lapses if its node dies.
/// </summary>
public sealed class AttachmentReader(
    RegistryDbContext db, IBlobStore store, ManifestContentCache manifests, IOptions<RegistryOptions> options)
{
    private static readonly TimeSpan ClaimLifetime = TimeSpan.FromMinutes(5);

    /// <summary>Reads up to <paramref name="max"/> pending attachments; returns how many it took.</summary>
    public async Task<int> ReadPendingAsync(int max, CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
        var ids = await db.Attachments.AsNoTracking()
            .Where(a => a.State == AttachmentState.Pending && (a.ClaimedUntil == null || a.ClaimedUntil < now))
            .OrderBy(a => a.Id).Select(a => a.Id).Take(max).ToListAsync(cancellationToken);
        var taken = 0;
        foreach (var id in ids)
        {
            var claimed = await db.Attachments
                .Where(a => a.Id == id && a.State == AttachmentState.Pending && (a.ClaimedUntil == null || a.ClaimedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.ClaimedUntil, now + ClaimLifetime), cancellationToken);
            if (claimed == 1)
            {
                await ReadAsync(id, cancellationToken);
                taken++;
            }
        }

        return taken;
    }

    private async Task ReadAsync(long id, CancellationToken cancellationToken)
    {
        var row = await db.Attachments.Include(a => a.Manifest).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (row is null)
        {
            return;
        }

        AttachmentFacts? facts = null;
        string? problem = null;
        try
        {
            facts = await ReadFactsAsync(row, cancellationToken);
        }
        catch (UnreadableAttachmentException e)
        {
            problem = e.Message;
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException or OverflowException)
        {
            // Text that is not valid Unicode and the like, found while walking a document that parsed.
            problem = "the document holds text that cannot be read (invalid UTF-8 or escapes)";
        }

        await SaveAsync(row, facts, problem, cancellationToken);
    }

    private async Task<AttachmentFacts> ReadFactsAsync(Attachment row, CancellationToken cancellationToken)
    {
        var max = options.Value.Supply.MaxSbomBytes;
        if (row.LayerSize > max)
        {
            throw TooLarge(row.LayerSize, max);
        }

        var manifestContent = await manifests.GetAsync(Digest.Parse(row.Manifest.Digest), cancellationToken)
            ?? throw new UnreadableAttachmentException("the manifest that carries it is not in the store");
        var layers = ManifestParser.Parse(manifestContent, row.Manifest.MediaType).Layers;
        if (row.Position >= layers.Count || layers[row.Position].Digest.ToString() != row.LayerDigest)
        {
            throw new UnreadableAttachmentException("the manifest that carries it has no such layer");
        }

        var layer = layers[row.Position];
        var content = await store.ReadAllAsync(layer.Digest, max, cancellationToken);
        if (content is null)
        {
            throw await store.GetSizeAsync(layer.Digest, cancellationToken) is { } size && size > max
                ? TooLarge(size, max)
                : new UnreadableAttachmentException("its blob is not in the store");
        }

        return AttachmentContent.Read(row, layer, content);
    }

    private async Task SaveAsync(Attachment row, AttachmentFacts? facts, string? problem, CancellationToken cancellationToken)
    {
        var repository = await db.Repositories.AsNoTracking().Where(r => r.Id == row.RepositoryId).Select(r => r.FullName).FirstAsync(cancellationToken);
        row.ClaimedUntil = null;
        if (facts is null)
        {
            row.State = AttachmentState.Unreadable;
            row.Problem = AttachmentText.Clean(problem, DataLimits.AttachmentText) ?? "it could not be read";
        }
        else
        {
            row.State = AttachmentState.Readable;
            row.Kind = facts.Kind;
            row.Format = AttachmentText.Clean(facts.Format, 64);
            row.PredicateType = facts.PredicateType ?? row.PredicateType;
            row.Signer = facts.Signer;
            row.Generator = facts.Generator;
            row.Created = facts.Created;
            row.PackageCount = facts.Packages?.Count ?? 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.AddEvent(RegistryEventTypes.AttachmentsRead, repository, row.SubjectDigest);
        await db.SaveChangesAsync(cancellationToken);
        if (facts?.Packages is { Count: > 0 } packages)
        {
            await SavePackagesAsync(row.Id, packages, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>In batches with change detection off: an SBOM may list tens of thousands of packages.</summary>
    private async Task SavePackagesAsync(long attachmentId, IReadOnlyList<PackageFacts> packages, CancellationToken cancellationToken)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            for (var start = 0; start < packages.Count; start += 5000)
            {
                for (var i = start; i < Math.Min(start + 5000, packages.Count); i++)
                {
                    var p = packages[i];
                    db.SbomPackages.Add(new SbomPackage { AttachmentId = attachmentId, Ordinal = i, Name = p.Name, Version = p.Version, License = p.License, Purl = p.Purl });
                }

                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
    }

    private static UnreadableAttachmentException TooLarge(long size, long max) =>
        new($"the document is {size:N0} bytes, more than the {max:N0} bytes read (setting Gallery__Supply__MaxSbomBytes)");
}
