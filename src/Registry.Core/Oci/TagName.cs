using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Registry.Core.Oci;

/// <summary>The OCI tag grammar: <c>[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}</c>.</summary>
public static partial class TagName
{
    public const int MaxLength = 128;

    public static bool IsValid(string? tag, [NotNullWhen(false)] out string? error)
    {
        if (string.IsNullOrEmpty(tag) || tag.Length > MaxLength || !Pattern().IsMatch(tag))
        {
            error = $"tag '{DisplayText.Shorten(tag)}' is invalid: up to {MaxLength} characters of letters, digits, '_', '.' and '-', not starting with '.' or '-'";
            return false;
        }

        error = null;
        return true;
    }

    [GeneratedRegex("^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
