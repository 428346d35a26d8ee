using Gallery.Indexer.Documents;
using Gallery.Indexer.Search;

namespace Gallery.Indexer.Tests.Documents;

/// <summary>The analyzers through their token streams.</summary>
public sealed class AnalyzerTests
{
    [Theory]
    [InlineData("aws-cli", new[] { "aws-cli", "aws", "awscli", "cli" })]
    [InlineData("kubernetes/kube-apiserver", new[] { "kubernetes", "kube-apiserver", "kube", "kubeapiserver", "apiserver" })]
    [InlineData("python3.12", new[] { "python3.12", "python", "python312", "3", "12" })]
    public void Names_split_into_parts_and_join(string name, string[] expected) =>
        Assert.Equal(expected.Order(), QueryText.Analyze(GalleryAnalyzers.Name, IndexFields.NameText, name).Distinct().Order());

    [Fact]
    public void Name_prefixes_are_edge_ngrams_of_each_part() =>
        Assert.Equal(["aw", "aws", "aws-", "aws-c", "aws-cl", "aws-cli", "awsc", "awscl", "awscli", "cl", "cli"],
            QueryText.Analyze(GalleryAnalyzers.NamePrefix, IndexFields.NamePrefix, "aws-cli").Distinct().Order(StringComparer.Ordinal));

    [Fact]
    public void Prose_drops_stop_words_and_folds_plurals() =>
        Assert.Equal(["base", "image", "runtime"], QueryText.Analyze(GalleryAnalyzers.Text, IndexFields.Description, "The base images for runtimes"));

    [Fact]
    public void Query_text_is_words_only()
    {
        var text = QueryText.Parse("  AWS-CLI:(latest)* \"x\" ");
        Assert.Equal(["aws", "cli", "latest", "x"], text.Words);
        Assert.Equal("aws-cli:(latest)* \"x\"", text.Whole);
    }
}
