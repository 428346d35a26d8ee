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
    public void Names_keep_one_letter_parts() =>
        Assert.Equal(["tool", "tool-x", "toolx", "x"], QueryText.Analyze(GalleryAnalyzers.Name, IndexFields.NameText, "tool-x").Distinct().Order(StringComparer.Ordinal));

    [Fact]
    public void Prose_stems_lightly_and_names_not_at_all()
    {
        Assert.Equal(["cache", "build"], QueryText.Analyze(GalleryAnalyzers.Text, IndexFields.Description, "caching builds"));
        Assert.Equal(["builds"], QueryText.Analyze(GalleryAnalyzers.Name, IndexFields.NameText, "builds"));
    }

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
