namespace Gallery.Indexer.Search;

/// <summary>As-you-type suggestions under a search box: repositories and publishers whose names the text starts or names.</summary>
public interface IGallerySuggest
{
    Suggestions Suggest(string text);
}

/// <summary>At most <see cref="Max"/> suggestions in all: a few publishers, then repositories.</summary>
public sealed record Suggestions(IReadOnlyList<RepositorySuggestion> Repositories, IReadOnlyList<PublisherSuggestion> Publishers)
{
    public const int Max = 8;

    public const int MaxPublishers = 2;

    public static Suggestions None { get; } = new([], []);
}

public sealed record RepositorySuggestion(string FullName, string? Description, bool Verified);

public sealed record PublisherSuggestion(string Alias, string? DisplayName, bool Verified, int Repositories);
