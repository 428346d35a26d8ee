using Registry.Core.Data.Entities;

namespace Registry.Core.Repositories.Management;

/// <summary>
/// A repository as its publisher manages it in the console: its name, catalog data (as set, unknown platform names
/// included) and policy. <paramref name="CatalogUpdatedAt"/> is the version a catalog edit must still find.
/// </summary>
public sealed record ManagedRepository(
    long Id,
    string Name,
    string FullName,
    DateTime CreatedAt,
    string? Description,
    string? AboutText,
    string? UsageText,
    IReadOnlyList<string> Architectures,
    IReadOnlyList<string> OperatingSystems,
    string? LogoDigest,
    DateTime? CatalogUpdatedAt,
    string? PolicyText)
{
    public static ManagedRepository Of(Repository row) => new(
        row.Id, row.Name, row.FullName, row.CreatedAt, row.Description, row.AboutText, row.UsageText,
        row.Architectures, row.OperatingSystems, row.LogoDigest, row.CatalogUpdatedAt, row.PolicyText);
}
