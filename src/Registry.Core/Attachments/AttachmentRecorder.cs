using Microsoft.EntityFrameworkCore;
using Registry.Core.Data;
using Registry.Core.Data.Entities;
using Registry.Core.Oci;
using Registry.Core.Repositories;

namespace Registry.Core.Attachments;

/// <summary>
/// Adds a push's attachment rows to the push's unit of work (so they commit, or not, with it). Only the manifests are
/// looked at here; the attachment reader reads the layers afterwards.
/// </summary>
public sealed class AttachmentRecorder(RegistryDbContext db, ManifestContentCache manifests)
{
    /// <summary>A manifest new to the repository: a referrer, or an index holding BuildKit attestation manifests.</summary>
    public async Task ManifestAddedAsync(long repositoryId, Manifest row, ParsedManifest parsed, DateTime now, CancellationToken cancellationToken)
    {
        if (parsed.Subject is not null)
        {
            db.Attachments.AddRange(AttachmentRecognizer.FromReferrer(repositoryId, row, parsed, now));
        }

        if (parsed.IsIndex && AttachmentRecognizer.AttestationChildren(parsed).Select(c => c.Digest.ToString()).ToList() is { Count: > 0 } childDigests)
        {
            var children = new Dictionary<string, (Manifest, ParsedManifest)>();
            var rows = await db.Manifests.Where(m => m.RepositoryId == repositoryId && childDigests.Contains(m.Digest)).ToListAsync(cancellationToken);
            foreach (var child in rows)
            {
                if (await ParseStoredAsync(child, cancellationToken) is { } childParsed)
                {
                    children[child.Digest] = (child, childParsed);
                }
            }

            db.Attachments.AddRange(AttachmentRecognizer.FromBuildKitIndex(repositoryId, parsed, children, now));
        }
    }

    /// <summary>A tag now points at <paramref name="row"/>: a cosign tag attaches what it points at to the image its name gives.</summary>
    public async Task TagSetAsync(long repositoryId, string tag, Manifest row, ParsedManifest parsed, DateTime now, CancellationToken cancellationToken)
    {
        if (!CosignTags.IsCosignTag(tag))
        {
            return;
        }

        await TagRemovedAsync(repositoryId, tag, cancellationToken);
        db.Attachments.AddRange(AttachmentRecognizer.FromCosignTag(repositoryId, row, parsed, tag, now));
    }

    public async Task TagRemovedAsync(long repositoryId, string tag, CancellationToken cancellationToken)
    {
        if (CosignTags.IsCosignTag(tag))
        {
            await db.Attachments.Where(a => a.RepositoryId == repositoryId && a.Source == AttachmentSource.CosignTag && a.Tag == tag)
                .ExecuteDeleteAsync(cancellationToken);
        }
    }

    private async Task<ParsedManifest?> ParseStoredAsync(Manifest row, CancellationToken cancellationToken)
    {
        var content = await manifests.GetAsync(Digest.Parse(row.Digest), cancellationToken);
        try
        {
            return content is null ? null : ManifestParser.Parse(content, row.MediaType);
        }
        catch (RegistryException)
        {
            return null;
        }
    }
}
