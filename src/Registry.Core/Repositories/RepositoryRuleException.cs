namespace Registry.Core.Repositories;

/// <summary>The rules a repository management request can break; each API names them its own way.</summary>
public enum RepositoryRule
{
    InvalidParameter,
    RepositoryNotFound,
    RepositoryAlreadyExists,
    RepositoryNotEmpty,
    RepositoryPolicyNotFound,
    InvalidTagParameter,
    TooManyTags,
}

/// <summary>A management request that breaks a repository rule; the message says which and why.</summary>
public sealed class RepositoryRuleException(RepositoryRule rule, string message) : Exception(message)
{
    public RepositoryRule Rule { get; } = rule;

    public static RepositoryRuleException NotFound(string repositoryName, string registryId) =>
        new(RepositoryRule.RepositoryNotFound, $"The repository with name '{repositoryName}' does not exist in the registry with id '{registryId}'");
}
