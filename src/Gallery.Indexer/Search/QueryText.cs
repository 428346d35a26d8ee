using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.TokenAttributes;

namespace Gallery.Indexer.Search;

/// <summary>
/// What a user typed, reduced to plain words: lower case, split on anything that is not a letter or digit, with no
/// syntax of any kind, so no input can make a query fail.
/// </summary>
public sealed class QueryText
{
    public const int MaxLength = 256;
    public const int MaxWords = 12;

    private QueryText(string whole, IReadOnlyList<string> words)
    {
        Whole = whole;
        Words = words;
    }

    /// <summary>The text trimmed and lower-cased, for exact name matches (<c>aws/aws-cli</c>).</summary>
    public string Whole { get; }

    public IReadOnlyList<string> Words { get; }

    public bool IsEmpty => Words.Count == 0;

    public static QueryText Parse(string? text)
    {
        var whole = (text ?? "").Trim().ToLowerInvariant();
        if (whole.Length > MaxLength)
        {
            whole = whole[..MaxLength];
        }

        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= whole.Length && words.Count < MaxWords; i++)
        {
            var inWord = i < whole.Length && char.IsLetterOrDigit(whole[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(whole[start..i]);
                start = -1;
            }
        }

        return new QueryText(whole, words);
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
}
