namespace Registry.Core.Repositories.CatalogData;

/// <summary>
/// Catalog data to set on a repository (ECR Public's RepositoryCatalogDataInput). A null member is left as it is;
/// an empty string or list clears it; an empty logo removes the logo.
/// </summary>
public sealed record RepositoryCatalogInput(
    string? Description = null,
    string? AboutText = null,
    string? UsageText = null,
    IReadOnlyList<string>? Architectures = null,
    IReadOnlyList<string>? OperatingSystems = null,
    byte[]? LogoImage = null);
