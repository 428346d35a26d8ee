namespace Gallery.Indexer.Search;

/// <summary>The words of one space-separated piece of the text, and the single prose term it may also be (<c>node.js</c>).</summary>
public sealed record QueryChunk(IReadOnlyList<string> Words, string? Compound);
