namespace Gallery.Indexer.Search;

/// <summary>Searches the gallery's public repositories. Any text is safe: it is never parsed as query syntax.</summary>
public interface IGallerySearch
{
    SearchResult Search(SearchRequest request);
}
