namespace Registry.Core.Repositories.CatalogData;

/// <summary>
/// ECR Public's catalog data limits, the one place they are checked (the API and the console both call it):
/// description ≤ 1024 characters, About and Usage ≤ 25600 each, at most 50 architectures and 50 operating systems of
/// 1–50 characters each, a logo of at most 512000 bytes that is a PNG or JPEG image.
/// </summary>
public static class RepositoryCatalogValidator
{
    public const int MaxDescriptionLength = 1024;
    public const int MaxMarkdownLength = 25600;
    public const int MaxListItems = 50;
    public const int MaxListItemLength = 50;
    public const int MaxLogoBytes = LogoImageFormat.MaxBytes;

    /// <summary>Every problem with the input, each naming its field; empty when it is acceptable.</summary>
    public static IReadOnlyList<string> Validate(RepositoryCatalogInput input)
    {
        var problems = new List<string>();
        CheckLength(problems, "description", input.Description, MaxDescriptionLength);
        CheckLength(problems, "aboutText", input.AboutText, MaxMarkdownLength);
        CheckLength(problems, "usageText", input.UsageText, MaxMarkdownLength);
        CheckList(problems, "architectures", input.Architectures);
        CheckList(problems, "operatingSystems", input.OperatingSystems);
        if (input.LogoImage is { Length: > 0 } logo && LogoImageFormat.Problem(logo, "logoImageBlob") is { } logoProblem)
        {
            problems.Add(logoProblem);
        }

        return problems;
    }

    /// <summary>Throws InvalidParameter with every problem when the input is not acceptable.</summary>
    public static void EnsureValid(RepositoryCatalogInput input)
    {
        var problems = Validate(input);
        if (problems.Count > 0)
        {
            throw new RepositoryRuleException(RepositoryRule.InvalidParameter, "Invalid catalog data: " + string.Join("; ", problems));
        }
    }

    private static void CheckLength(List<string> problems, string field, string? value, int max)
    {
        if (value is { } text && text.Length > max)
        {
            problems.Add($"{field} is {text.Length} characters; the limit is {max}");
        }
    }

    private static void CheckList(List<string> problems, string field, IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            return;
        }

        if (values.Count > MaxListItems)
        {
            problems.Add($"{field} has {values.Count} items; the limit is {MaxListItems}");
        }

        if (values.Any(v => string.IsNullOrEmpty(v) || v.Length > MaxListItemLength))
        {
            problems.Add($"each of {field} must be 1 to {MaxListItemLength} characters");
        }
    }
}
