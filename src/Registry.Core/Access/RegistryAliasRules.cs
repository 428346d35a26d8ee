using Microsoft.EntityFrameworkCore;
using Registry.Core.Data;
using Registry.Core.Oci;

namespace Registry.Core.Access;

/// <summary>Whether an alias may be a registry's: valid, not reserved, and no registry's alias or default alias already.</summary>
internal static class RegistryAliasRules
{
    /// <exception cref="PublisherException">The alias breaks a rule; the message says which.</exception>
    public static async Task EnsureAvailableAsync(RegistryDbContext db, string alias, long? exceptRegistry, CancellationToken cancellationToken)
    {
        var taken = await TakenAsync(db, alias, exceptRegistry, cancellationToken);
        if (!RepositoryName.IsValidAlias(alias, out var error))
        {
            throw new PublisherException(error);
        }

        if (ReservedAliases.IsReserved(alias))
        {
            throw new PublisherException($"registry alias '{alias}' is reserved");
        }

        if (taken)
        {
            throw new PublisherException($"registry alias '{alias}' is already taken");
        }
    }

    /// <summary>A random default alias no registry has.</summary>
    public static async Task<string> NewDefaultAliasAsync(RegistryDbContext db, CancellationToken cancellationToken)
    {
        while (true)
        {
            var alias = RegistryIdentifiers.NewDefaultAlias();
            if (!await TakenAsync(db, alias, null, cancellationToken))
            {
                return alias;
            }
        }
    }

    private static Task<bool> TakenAsync(RegistryDbContext db, string alias, long? exceptRegistry, CancellationToken cancellationToken) =>
        db.Registries.AnyAsync(r => (r.Alias == alias || r.DefaultAlias == alias) && r.Id != exceptRegistry, cancellationToken);
}
