using CsCheck;
using Registry.Core.Repositories;

namespace Registry.Core.Tests.Oci;

public class ContentRangeTests
{
    [Theory]
    [InlineData("0-21", 0, 21)]
    [InlineData("22-41", 22, 41)]
    [InlineData("bytes 0-9/10", 0, 9)]
    [InlineData("bytes 5-9/*", 5, 9)]
    public void Parses_spec_and_http_forms(string header, long start, long end)
    {
        Assert.True(ContentRange.TryParse(header, out var range));
        Assert.Equal(new ContentRange(start, end), range);
    }

    [Theory]
    [InlineData("")]
    [InlineData("9-0")]
    [InlineData("-5")]
    [InlineData("5-")]
    [InlineData("a-b")]
    [InlineData("+1-2")]
    [InlineData("99999999999999999999-99999999999999999999")]
    public void Refuses_malformed_ranges(string header) => Assert.False(ContentRange.TryParse(header, out _));

    [Fact]
    public void Round_trips_any_valid_range() =>
        Gen.Long[0, long.MaxValue / 2].Select(Gen.Long[0, int.MaxValue]).Sample((start, length) =>
        {
            Assert.True(ContentRange.TryParse($"{start}-{start + length}", out var range));
            Assert.Equal(length + 1, range.Value.Length);
        });
}
