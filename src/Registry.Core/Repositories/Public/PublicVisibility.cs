using Registry.Core.Data;
using Registry.Core.Data.Entities;

namespace Registry.Core.Repositories.Public;

/// <summary>
/// The one rule for what the public sees: registries of publishers who are not suspended, their repositories, and
/// of those the public ones (with at least one image). Pages, feeds, badges, the index and the kept counts all ask here.
/// </summary>
public static class PublicVisibility
{
    public static IQueryable<PublicRegistry> VisibleRegistries(this RegistryDbContext db) =>
        db.Registries.Where(r => r.Owner == null || !r.Owner.Suspended);

    public static IQueryable<Repository> VisibleRepositories(this RegistryDbContext db) =>
        db.Repositories.Where(r => r.Registry.Owner == null || !r.Registry.Owner.Suspended);

    public static IQueryable<Repository> PublicRepositories(this RegistryDbContext db) =>
        db.VisibleRepositories().Where(r => db.Manifests.Any(m => m.RepositoryId == r.Id));
}
