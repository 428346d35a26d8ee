using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Data;
using Registry.Core.Oci;

namespace Registry.Core.Repositories;

/// <summary>The referrers API: manifests in a repository whose subject is a given digest.</summary>
public sealed class ReferrerService(RegistryDbContext db, RepositoryService repositories)
{
    public sealed record Referrer(string MediaType, string Digest, long Size, string? ArtifactType, Dictionary<string, string>? Annotations);

    public async Task<IReadOnlyList<Referrer>> ListAsync(RepositoryName name, Digest subject, string? artifactType, CancellationToken cancellationToken)
    {
        // An unknown subject, even in an unknown repository, simply has no referrers yet.
        if (await repositories.FindIdAsync(name, cancellationToken) is not { } repositoryId)
        {
            return [];
        }

        var subjectText = subject.ToString();
        var query = db.Manifests.AsNoTracking().Where(m => m.RepositoryId == repositoryId && m.SubjectDigest == subjectText);
        if (!string.IsNullOrEmpty(artifactType))
        {
            query = query.Where(m => m.ArtifactType == artifactType);
        }

        var rows = await query.OrderBy(m => m.Id)
            .Select(m => new { m.MediaType, m.Digest, m.Size, m.ArtifactType, m.AnnotationsJson })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new Referrer(r.MediaType, r.Digest, r.Size, r.ArtifactType,
            r.AnnotationsJson is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(r.AnnotationsJson))).ToList();
    }
}
