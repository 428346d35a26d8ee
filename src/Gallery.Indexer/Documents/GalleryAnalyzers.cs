using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;

namespace Gallery.Indexer.Documents;

/// <summary>The analyzers, per field: names split into parts (and joined), and English prose.</summary>
public static class GalleryAnalyzers
{
    /// <summary><c>aws-cli</c> → aws-cli, aws, cli, awscli; <c>python3.12</c> → python3.12, python, 3, 12, python312.</summary>
    public static Analyzer Name { get; } = Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new NameTokenizer(reader);
        return new TokenStreamComponents(tokenizer, new LowerCaseFilter(IndexFields.Version, SplitNameParts(tokenizer)));
    });

    /// <summary>Prose: standard tokens, lower case, English stop words removed, light stemming (Krovetz: plurals, -ing, -ed; never names).</summary>
    public static Analyzer Text { get; } = Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(IndexFields.Version, reader);
        TokenStream stream = new LowerCaseFilter(IndexFields.Version, tokenizer);
        stream = new StopFilter(IndexFields.Version, stream, StopAnalyzer.ENGLISH_STOP_WORDS_SET);
        return new TokenStreamComponents(tokenizer, new KStemFilter(stream));
    });

    /// <summary>The analyzer the index writer uses: each text field with its own.</summary>
    public static Analyzer PerField { get; } = new PerFieldAnalyzerWrapper(Text, new Dictionary<string, Analyzer>
    {
        [IndexFields.NameText] = Name,
        [IndexFields.TagText] = Name,
    });

    private static WordDelimiterFilter SplitNameParts(TokenStream stream) => new(IndexFields.Version, stream,
        WordDelimiterFlags.GENERATE_WORD_PARTS | WordDelimiterFlags.GENERATE_NUMBER_PARTS | WordDelimiterFlags.SPLIT_ON_NUMERICS
        | WordDelimiterFlags.CATENATE_ALL | WordDelimiterFlags.PRESERVE_ORIGINAL, CharArraySet.Empty);

    /// <summary>Splits names on '/' and white space; the parts between are split further by the word delimiter.</summary>
    private sealed class NameTokenizer(TextReader reader) : CharTokenizer(IndexFields.Version, reader)
    {
        protected override bool IsTokenChar(int c) => c != '/' && !char.IsWhiteSpace((char)c);
    }
}
