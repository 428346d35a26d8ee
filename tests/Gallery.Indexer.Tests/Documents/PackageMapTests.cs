using Gallery.Indexer.Artifacts;
using Gallery.Indexer.Documents;
using Gallery.Indexer.Search;

namespace Gallery.Indexer.Tests.Documents;

public sealed class PackageMapTests
{
    [Fact]
    public void Round_trips_with_tag_lists_stored_once_and_matches_names_and_version_prefixes()
    {
        var map = PackageMap.Of(
        [
            new TagPackage("latest", "zlib", "1.2.13"), new TagPackage("3.19", "zlib", "1.2.13"), new TagPackage("latest", "OpenSSL", "3.0.2"),
            new TagPackage("3.19", "OpenSSL", "3.0.2"), new TagPackage("edge", "zlib", "1.3.1"), new TagPackage("edge", "tzdata", null),
            new TagPackage("edge", "bad\tname\n", "1\t2"),
        ]);

        var decoded = PackageMap.Decode(map.Encode());

        Assert.Equal(map.Entries.Select(e => (e.Name, e.Version, string.Join(",", e.Tags))), decoded.Entries.Select(e => (e.Name, e.Version, string.Join(",", e.Tags))));
        Assert.Equal(["edge", "3.19,latest"], System.Text.Encoding.UTF8.GetString(map.Encode()).Split('\n')[0].Split('\t'));
        Assert.Equal([("zlib", "1.2.13")], decoded.Matching(PackageFilter.TryParse("ZLIB@1.2", out _)!).Select(e => (e.Name, e.Version!)));
        Assert.Equal(2, decoded.Matching(PackageFilter.TryParse("zlib", out _)!).Count);
        Assert.Single(decoded.Matching(PackageFilter.TryParse("openssl", out _)!));
        Assert.Contains("bad name", decoded.Entries.Select(e => e.Name));
        Assert.Contains("zlib@1.3.1", map.Terms());
        Assert.Contains("tzdata", map.Terms());
    }

    [Fact]
    public void An_empty_or_damaged_map_decodes_to_what_it_can()
    {
        Assert.Empty(PackageMap.Decode(null).Entries);
        Assert.Empty(PackageMap.Decode([]).Entries);
        Assert.Empty(PackageMap.Decode("a\nzlib\t1\t7\nno-tabs\n"u8.ToArray()).Entries);
    }
}
