using Microsoft.EntityFrameworkCore;
using Registry.Core.Data;
using Registry.Core.Data.Entities;
using Registry.Core.Events;
using Registry.Core.Oci;

namespace Registry.Core.Repositories;

/// <summary>Finds repositories by name and creates them on first push (with their registry alias when it is new).</summary>
public sealed class RepositoryService(RegistryDbContext db)
{
    public static RepositoryName ParseName(string fullName) =>
        RepositoryName.TryParse(fullName, out var name, out var error) ? name : throw new RegistryException(OciErrorCode.NameInvalid, error, new { name = fullName });

    public Task<long?> FindIdAsync(RepositoryName name, CancellationToken cancellationToken) =>
        db.Repositories.AsNoTracking().Where(r => r.FullName == name.FullName).Select(r => (long?)r.Id).FirstOrDefaultAsync(cancellationToken);

    public async Task<long> GetIdAsync(RepositoryName name, CancellationToken cancellationToken) =>
        await FindIdAsync(name, cancellationToken) ?? throw NameUnknown(name);

    /// <summary>
    /// The repository a push goes to. A missing one is created only when its registry turned on create-on-push;
    /// otherwise the push is refused with NAME_UNKNOWN, as ECR Public does.
    /// </summary>
    public async Task<long> GetForPushAsync(RepositoryName name, CancellationToken cancellationToken)
    {
        if (await FindIdAsync(name, cancellationToken) is { } id)
        {
            return id;
        }

        var registry = await db.Registries.AsNoTracking().Where(r => r.Alias == name.Alias)
            .Select(r => new { r.Id, r.CreateOnPush }).FirstOrDefaultAsync(cancellationToken);
        if (registry is not { CreateOnPush: true })
        {
            throw new RegistryException(OciErrorCode.NameUnknown,
                $"repository '{name}' does not exist; create it first (aws ecr-public create-repository --repository-name {name.Name}, or in the console)",
                new { name = name.FullName });
        }

        try
        {
            return await CreateAsync(registry.Id, name, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another push created it at the same moment.
            db.ChangeTracker.Clear();
            return await GetIdAsync(name, cancellationToken);
        }
    }

    /// <summary>Creates a repository in a registry and records the event. Fails with DbUpdateException when the name is taken.</summary>
    public async Task<long> CreateAsync(long registryKey, RepositoryName name, CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
        var repository = new Repository { RegistryKey = registryKey, Name = name.Name, FullName = name.FullName, CreatedAt = now };
        db.Repositories.Add(repository);
        db.AddEvent(RegistryEventTypes.RepositoryCreated, name.FullName, at: now);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return repository.Id;
    }

    /// <summary>Repository full names in byte order after <paramref name="last"/>; null page size for all.</summary>
    public Task<NamePage> ListAsync(int? pageSize, string? last, CancellationToken cancellationToken)
    {
        var query = db.Repositories.AsNoTracking();
        if (!string.IsNullOrEmpty(last))
        {
            query = query.Where(r => string.Compare(r.FullName, last) > 0);
        }

        return NamePage.ReadAsync(query.OrderBy(r => r.FullName).Select(r => r.FullName), pageSize, cancellationToken);
    }

    public static RegistryException NameUnknown(RepositoryName name) =>
        new(OciErrorCode.NameUnknown, $"repository '{name}' does not exist", new { name = name.FullName });

}
