using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.TokenAttributes;

namespace Gallery.Indexer.Search;

/// <summary>
/// What a user typed, reduced to plain words: lower case, split on anything that is not a letter or digit, so no
/// input can make a query fail. The bits of search syntax people type still mean what they meant
/// (<see cref="QuerySyntax"/>): <c>-word</c> leaves out, <c>OR</c> makes any word enough, a field prefix or a boost
/// is dropped, and a dotted word such as <c>node.js</c> also matches as written in prose.
/// </summary>
public sealed class QueryText
{
    public const int MaxLength = 256;
    public const int MaxWords = 12;

    private QueryText(string whole, IReadOnlyList<QueryChunk> chunks, IReadOnlyList<string> excluded, bool anyWord)
    {
        Whole = whole;
        Chunks = chunks;
        Words = chunks.SelectMany(c => c.Words).ToList();
        Excluded = excluded;
        AnyWord = anyWord;
    }

    /// <summary>The text trimmed and lower-cased, for exact name matches (<c>aws/aws-cli</c>).</summary>
    public string Whole { get; }

    /// <summary>The words to find, in order.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>The words grouped as typed between spaces (<c>node.js</c> is one chunk of two words).</summary>
    public IReadOnlyList<QueryChunk> Chunks { get; }

    /// <summary>Words a repository must not have (typed as <c>-word</c>, <c>!word</c> or <c>NOT word</c>).</summary>
    public IReadOnlyList<string> Excluded { get; }

    /// <summary>Whether any one word is enough (the text had <c>OR</c> or <c>||</c> between words).</summary>
    public bool AnyWord { get; }

    public bool IsEmpty => Words.Count == 0 && Excluded.Count == 0;

    public static QueryText Parse(string? text)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length > MaxLength)
        {
            trimmed = trimmed[..MaxLength];
        }

        var whole = trimmed.ToLowerInvariant();

        var chunks = new List<QueryChunk>();
        var excluded = new List<string>();
        var anyWord = false;
        var negateNext = false;
        var count = 0;
        foreach (var typed in trimmed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (QuerySyntax.IsOr(typed) || QuerySyntax.IsAnd(typed) || QuerySyntax.IsNot(typed))
            {
                anyWord |= QuerySyntax.IsOr(typed);
                negateNext = QuerySyntax.IsNot(typed);
                continue;
            }

            var negated = negateNext || QuerySyntax.IsNegated(typed);
            negateNext = false;
            var chunk = QuerySyntax.Strip(typed).ToLowerInvariant();
            var words = SplitWords(chunk).Take(MaxWords - count).ToList();
            count += words.Count;
            if (words.Count == 0)
            {
                continue;
            }

            if (negated)
            {
                excluded.AddRange(words);
            }
            else
            {
                chunks.Add(new QueryChunk(words, words.Count > 1 ? Compound(chunk) : null));
            }
        }

        return new QueryText(whole, chunks, excluded, anyWord && chunks.Count > 1);
    }

    public static bool IsStopWord(string word) => StopAnalyzer.ENGLISH_STOP_WORDS_SET.Contains(word);

    /// <summary>The terms <paramref name="analyzer"/> makes of <paramref name="text"/>, as the index holds them.</summary>
    public static List<string> Analyze(Analyzer analyzer, string field, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }

    private static IEnumerable<string> SplitWords(string chunk)
    {
        var start = -1;
        for (var i = 0; i <= chunk.Length; i++)
        {
            var inWord = i < chunk.Length && char.IsLetterOrDigit(chunk[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return chunk[start..i];
                start = -1;
            }
        }
    }

    /// <summary>The chunk as prose indexes it when that is one term joining its words (<c>node.js</c>), else null.</summary>
    private static string? Compound(string chunk) =>
        Analyze(Documents.GalleryAnalyzers.Text, Documents.IndexFields.Description, chunk) is [var only] && !only.All(char.IsLetterOrDigit) ? only : null;
}
