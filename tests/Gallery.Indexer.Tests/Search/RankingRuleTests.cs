using static Gallery.Indexer.Tests.Search.InMemoryIndex;

namespace Gallery.Indexer.Tests.Search;

/// <summary>Each ranking rule people expect, on the smallest catalog that breaks it when the rule breaks.</summary>
public sealed class RankingRuleTests
{
    [Fact]
    public void The_text_equal_to_a_full_name_ranks_it_first_however_popular_the_others()
    {
        using var index = new InMemoryIndex(Repo("docker/library/nginx", 9_000_000, verified: true), Repo("acme/nginx", 5), Repo("acme/nginx-tools", 80_000));

        Assert.Equal("acme/nginx", index.Find("acme/nginx")[0]);
    }

    [Fact]
    public void A_whole_name_ranks_before_mirrors_whose_last_part_only_is_the_text()
    {
        using var index = new InMemoryIndex(
            Repo("mirror/docker/library/redis", 50_000_000), Repo("team/platform/redis", 40_000_000),
            Repo("docker/library/redis", 7_000_000, verified: true), Repo("jdoe/redis", 20));

        var found = index.Find("redis");

        Assert.Equal(["docker/library/redis", "jdoe/redis"], found.Take(2));
    }

    [Fact]
    public void Among_equal_names_the_verified_and_popular_original_ranks_before_copies()
    {
        using var index = new InMemoryIndex(
            Repo("copycat/grafana", 900_000), Repo("bitnami/grafana", 300_000, verified: true), Repo("grafana/grafana", 250_000, verified: true));

        Assert.Equal(["grafana/grafana", "bitnami/grafana", "copycat/grafana"], index.Find("grafana"));
    }

    [Fact]
    public void A_prefix_ranks_by_how_much_of_the_name_it_covers_not_by_how_often_it_recurs()
    {
        using var index = new InMemoryIndex(
            Repo("tools/nginx-nginx-tools", 900_000), Repo("acme/nginx-tools", 900_000), Repo("docker/library/nginx", 800_000, verified: true));

        Assert.Equal("docker/library/nginx", index.Find("ngin")[0]);
    }

    [Fact]
    public void A_prefix_of_the_whole_name_ranks_before_a_prefix_of_a_later_part()
    {
        using var index = new InMemoryIndex(Repo("acme/node-exporter", 1_000), Repo("prom/exporter", 1_000));

        Assert.Equal(["prom/exporter", "acme/node-exporter"], index.Find("expo"));
    }

    [Fact]
    public void Among_names_a_prefix_covers_alike_the_most_popular_ranks_first()
    {
        using var index = new InMemoryIndex(Repo("jdoe/nginx", 10), Repo("bitnami/nginx", 300_000), Repo("acme/nginx", 5_000));

        Assert.Equal(["bitnami/nginx", "acme/nginx", "jdoe/nginx"], index.Find("ngi"));
    }

    [Fact]
    public void Prose_is_stemmed_so_a_word_and_its_ing_form_meet()
    {
        using var index = new InMemoryIndex(Repo("acme/edge", description: "A caching proxy for package mirrors."), Repo("acme/other", description: "Unrelated."));

        Assert.Equal(["acme/edge"], index.Find("cache"));
        Assert.Equal(["acme/edge"], index.Find("proxies"));
    }

    [Fact]
    public void Names_are_never_stemmed()
    {
        using var index = new InMemoryIndex(Repo("acme/build-tools"));

        Assert.Empty(index.Find("building"));
        Assert.Equal(["acme/build-tools"], index.Find("build"));
    }

    [Theory]
    [InlineData("tool-x")]
    [InlineData("tool x")]
    [InlineData("x")]
    [InlineData("acme/tool-x")]
    public void Every_part_of_a_dashed_name_is_findable_one_letter_parts_included(string text)
    {
        using var index = new InMemoryIndex(Repo("acme/tool-x"), Repo("acme/tool-y"), Repo("acme/vitamin-c"));

        Assert.Equal("acme/tool-x", index.Find(text).FirstOrDefault());
    }

    [Fact]
    public void Every_part_of_a_dotted_name_is_findable()
    {
        using var index = new InMemoryIndex(Repo("acme/python3.12"), Repo("acme/app.v"));

        Assert.Equal("acme/python3.12", index.Find("python 12").FirstOrDefault());
        Assert.Equal("acme/app.v", index.Find("app.v").FirstOrDefault());
    }

    [Theory]
    [InlineData("kube orchestr")]
    [InlineData("hashi")]
    [InlineData("container sched")]
    public void The_last_word_is_a_prefix_in_every_field_words_are_searched(string text)
    {
        using var index = new InMemoryIndex(
            Repo("acme/runner", description: "Runs kube jobs.", about: "A container scheduler for orchestration of batch work.", publisher: "HashiCorp Labs"),
            Repo("acme/other", description: "Unrelated."));

        Assert.Equal(["acme/runner"], index.Find(text));
    }
}
