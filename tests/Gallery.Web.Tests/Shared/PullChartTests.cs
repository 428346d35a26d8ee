using Gallery.Web.Components.Shared;
using Gallery.Indexer.Reading;

namespace Gallery.Web.Tests.Shared;

public sealed class PullChartTests : GalleryTestContext
{
    [Fact]
    public void The_chart_draws_a_bar_per_day_scaled_to_the_busiest_and_says_it_in_words()
    {
        PullDay[] days = [new("2026-12-01", 0), new("2026-12-02", 10), new("2026-12-03", 5)];
        var chart = Render<PullChart>(p => p.Add(x => x.Days, days));

        var bars = chart.FindAll("svg rect.pull-chart-bar");
        Assert.Equal(3, bars.Count);
        Assert.Equal("0", bars[0].GetAttribute("height"));
        Assert.True(double.Parse(bars[1].GetAttribute("height")!, System.Globalization.CultureInfo.InvariantCulture) >
                    double.Parse(bars[2].GetAttribute("height")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Pulls per day, last 3 days: 15 in all; the most, 10, on 2026-12-02.", chart.Find("svg").GetAttribute("aria-label"));
        Assert.Equal("Days with pulls: 2026-12-02: 10; 2026-12-03: 5.", chart.Find("p.visually-hidden").TextContent);
    }

    [Fact]
    public void A_repository_without_pulls_reads_no_pulls()
    {
        var chart = Render<PullChart>(p => p.Add(x => x.Days, [new PullDay("2026-12-01", 0)]));

        Assert.Equal("Pulls per day, last 1 day: no pulls.", chart.Find("svg").GetAttribute("aria-label"));
    }
}
