using Microsoft.EntityFrameworkCore;
using Registry.Core.Access;
using Registry.Core.Data;
using Registry.Core.Data.Entities;
using Registry.Core.Events;
using Registry.Core.Oci;

namespace Registry.Core.Repositories;

/// <summary>Finds repositories by name and creates them on first push (with their registry alias when it is new).</summary>
public sealed class RepositoryService(RegistryDbContext db, RegistryEventSignal signal)
{
    public static RepositoryName ParseName(string fullName) =>
        RepositoryName.TryParse(fullName, out var name, out var error) ? name : throw new RegistryException(OciErrorCode.NameInvalid, error, new { name = fullName });

    public Task<long?> FindIdAsync(RepositoryName name, CancellationToken cancellationToken) =>
        db.Repositories.AsNoTracking().Where(r => r.FullName == name.FullName).Select(r => (long?)r.Id).FirstOrDefaultAsync(cancellationToken);

    public async Task<long> GetIdAsync(RepositoryName name, CancellationToken cancellationToken) =>
        await FindIdAsync(name, cancellationToken) ?? throw NameUnknown(name);

    public async Task<long> GetOrCreateAsync(RepositoryName name, CancellationToken cancellationToken)
    {
        if (await FindIdAsync(name, cancellationToken) is { } id)
        {
            return id;
        }

        try
        {
            return await CreateAsync(name, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request created it (or its alias) at the same moment.
            db.ChangeTracker.Clear();
            if (await FindIdAsync(name, cancellationToken) is { } raced)
            {
                return raced;
            }

            return await CreateAsync(name, cancellationToken);
        }
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

    private async Task<long> CreateAsync(RepositoryName name, CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
        var registry = await db.Registries.FirstOrDefaultAsync(r => r.Alias == name.Alias, cancellationToken)
            ?? db.Registries.Add(new PublicRegistry
            {
                RegistryId = RegistryIdentifiers.NewRegistryId(),
                Alias = name.Alias,
                DefaultAlias = name.Alias,
                CreatedAt = now,
            }).Entity;
        var repository = new Repository { Registry = registry, Name = name.Name, FullName = name.FullName, CreatedAt = now };
        db.Repositories.Add(repository);
        db.AddEvent(RegistryEventTypes.RepositoryCreated, name.FullName, at: now);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        signal.Notify();
        return repository.Id;
    }
}
