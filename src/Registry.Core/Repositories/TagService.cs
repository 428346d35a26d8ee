using Microsoft.EntityFrameworkCore;
using Registry.Core.Data;
using Registry.Core.Oci;

namespace Registry.Core.Repositories;

/// <summary>The tags list: byte-ordered names, paged with <c>n</c> and <c>last</c>.</summary>
public sealed class TagService(RegistryDbContext db, RepositoryService repositories)
{
    public async Task<NamePage> ListAsync(RepositoryName name, int? pageSize, string? last, CancellationToken cancellationToken)
    {
        var repositoryId = await repositories.GetIdAsync(name, cancellationToken);
        var query = db.Tags.AsNoTracking().Where(t => t.RepositoryId == repositoryId);
        if (!string.IsNullOrEmpty(last))
        {
            query = query.Where(t => string.Compare(t.Name, last) > 0);
        }

        return await NamePage.ReadAsync(query.OrderBy(t => t.Name).Select(t => t.Name), pageSize, cancellationToken);
    }
}
