using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Registry.Core.Oci;

/// <summary>
/// A repository's full name, <c>alias/name</c>: the registry alias (the publisher's namespace) and the repository
/// name inside it, both under ECR Public's rules, which are stricter than the OCI name grammar.
/// </summary>
public sealed partial record RepositoryName(string Alias, string Name)
{
    public const int MinAliasLength = 2;
    public const int MaxAliasLength = 50;
    public const int MinNameLength = 2;
    public const int MaxNameLength = 205;

    public string FullName => $"{Alias}/{Name}";

    public override string ToString() => FullName;

    public static bool TryParse(string? fullName, [NotNullWhen(true)] out RepositoryName? name, [NotNullWhen(false)] out string? error)
    {
        name = null;
        if (string.IsNullOrEmpty(fullName))
        {
            error = "a repository name is required, as <alias>/<name>";
            return false;
        }

        var slash = fullName.IndexOf('/');
        if (slash < 0)
        {
            error = $"repository name '{DisplayText.Shorten(fullName)}' has no registry alias; use <alias>/<name>, e.g. myalias/{DisplayText.Shorten(fullName)}";
            return false;
        }

        var alias = fullName[..slash];
        var repository = fullName[(slash + 1)..];
        if (!IsValidAlias(alias, out error) || !IsValidName(repository, out error))
        {
            return false;
        }

        name = new RepositoryName(alias, repository);
        return true;
    }

    public static bool IsValidAlias(string alias, [NotNullWhen(false)] out string? error)
    {
        if (alias.Length is < MinAliasLength or > MaxAliasLength)
        {
            error = $"registry alias '{DisplayText.Shorten(alias)}' must be {MinAliasLength} to {MaxAliasLength} characters long";
            return false;
        }

        if (!AliasPattern().IsMatch(alias))
        {
            error = $"registry alias '{DisplayText.Shorten(alias)}' must start with a lowercase letter and contain only lowercase letters, digits and single '.', '_' or '-' separators between them";
            return false;
        }

        error = null;
        return true;
    }

    public static bool IsValidName(string name, [NotNullWhen(false)] out string? error)
    {
        if (name.Length is < MinNameLength or > MaxNameLength)
        {
            error = $"repository name '{DisplayText.Shorten(name)}' must be {MinNameLength} to {MaxNameLength} characters long";
            return false;
        }

        if (!NamePattern().IsMatch(name))
        {
            error = $"repository name '{DisplayText.Shorten(name)}' may contain only lowercase letters, digits, '/' between path components, and single '.', '_' or '-' separators inside a component";
            return false;
        }

        error = null;
        return true;
    }


    [GeneratedRegex("^[a-z][a-z0-9]+(?:[._-][a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex AliasPattern();

    [GeneratedRegex("^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
