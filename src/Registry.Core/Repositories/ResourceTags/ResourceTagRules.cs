namespace Registry.Core.Repositories.ResourceTags;

/// <summary>ECR Public's resource tag rules: keys 1–128 characters, unique, not starting with <c>aws:</c>; values 0–256; at most 50 per repository.</summary>
public static class ResourceTagRules
{
    public const int MaxKeyLength = 128;
    public const int MaxValueLength = 256;
    public const int MaxTagsPerRepository = 50;
    public const string ReservedPrefix = "aws:";

    public static void EnsureValidKey(string? key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > MaxKeyLength)
        {
            throw new RepositoryRuleException(RepositoryRule.InvalidTagParameter, $"Tag keys must be 1 to {MaxKeyLength} characters long");
        }

        if (key.StartsWith(ReservedPrefix, StringComparison.OrdinalIgnoreCase))
        {
            throw new RepositoryRuleException(RepositoryRule.InvalidTagParameter, $"Tag key '{key}' uses the reserved prefix '{ReservedPrefix}'");
        }
    }

    public static void EnsureValid(IReadOnlyList<KeyValuePair<string, string?>> tags)
    {
        foreach (var (key, value) in tags)
        {
            EnsureValidKey(key);
            if (value is null || value.Length > MaxValueLength)
            {
                throw new RepositoryRuleException(RepositoryRule.InvalidTagParameter, $"The value of tag '{key}' must be 0 to {MaxValueLength} characters long (not null)");
            }
        }

        if (tags.GroupBy(t => t.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new RepositoryRuleException(RepositoryRule.InvalidTagParameter, $"Tag key '{duplicate.Key}' is given more than once");
        }
    }

    public static void EnsureWithinLimit(int count)
    {
        if (count > MaxTagsPerRepository)
        {
            throw new RepositoryRuleException(RepositoryRule.TooManyTags, $"A repository can have at most {MaxTagsPerRepository} tags; this request would give it {count}");
        }
    }
}
