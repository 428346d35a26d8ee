using Registry.Core.Data;
using Registry.Core.Data.Entities;

namespace Registry.Core.Repositories.Gallery;

/// <summary>What the gallery shows: repositories of publishers who are not suspended, and of those the public ones (with an image).</summary>
public static class GalleryVisibility
{
    public static IQueryable<Repository> VisibleRepositories(this RegistryDbContext db) =>
        db.Repositories.Where(r => r.Registry.Owner == null || !r.Registry.Owner.Suspended);

    public static IQueryable<Repository> PublicRepositories(this RegistryDbContext db) =>
        db.VisibleRepositories().Where(r => db.Manifests.Any(m => m.RepositoryId == r.Id));
}
