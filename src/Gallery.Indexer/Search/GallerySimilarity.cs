using Gallery.Indexer.Documents;
using Lucene.Net.Search.Similarities;

namespace Gallery.Indexer.Search;

/// <summary>
/// How a match scores, per field, on one scale so the clauses of <see cref="SearchQuery"/> add up as written (no query
/// normalisation, no coordination factor): a name part scores its boost times the length norm (how much of the name
/// it is), whatever its rarity; prose keeps tf-idf with rarity scaled to about 0–2, so a rare word in a description
/// weighs about what a name part does, never thousands of times more.
/// </summary>
public sealed class GallerySimilarity : PerFieldSimilarityWrapper
{
    public static GallerySimilarity Instance { get; } = new();

    private static readonly Similarity Names = new NameSimilarity();
    private static readonly Similarity Prose = new ProseSimilarity();

    public override Similarity Get(string name) => name is IndexFields.NameText or IndexFields.TagText ? Names : Prose;

    private sealed class NameSimilarity : DefaultSimilarity
    {
        public override float Tf(float freq) => freq > 0 ? 1 : 0;

        public override float Idf(long docFreq, long numDocs) => 1;
    }

    private sealed class ProseSimilarity : DefaultSimilarity
    {
        public override float Idf(long docFreq, long numDocs) => base.Idf(docFreq, numDocs) / 6;
    }
}
