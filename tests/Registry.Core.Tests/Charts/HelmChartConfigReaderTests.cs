using System.Text;
using Registry.Core.Charts;

namespace Registry.Core.Tests.Charts;

public sealed class HelmChartConfigReaderTests
{
    [Fact]
    public void Reads_what_helm_writes()
    {
        var config = """{"name":"nginx","home":"https://nginx.org","version":"18.2.4","description":"NGINX Open Source web server","keywords":["nginx","http","web"],"apiVersion":"v2","appVersion":"1.27.2","type":"application"}""";

        var chart = HelmChartConfigReader.TryRead(Encoding.UTF8.GetBytes(config), out var problem);

        Assert.Null(problem);
        Assert.Equal(("nginx", "18.2.4", "1.27.2", "NGINX Open Source web server"), (chart!.Name, chart.Version, chart.AppVersion, chart.Description));
        Assert.Equal(["nginx", "http", "web"], chart.Keywords);
    }

    [Theory]
    [InlineData("", "not readable JSON")]
    [InlineData("{", "not readable JSON")]
    [InlineData("[1,2]", "not a JSON object")]
    [InlineData("{\"name\":\"x\"}", "no name or no version")]
    [InlineData("{\"name\":7,\"version\":\"1.0.0\"}", "no name or no version")]
    [InlineData("{\"name\":\"\\ud800\",\"version\":\"1\"}", "not readable JSON")]
    public void Says_why_a_config_is_unreadable(string config, string reason)
    {
        Assert.Null(HelmChartConfigReader.TryRead(Encoding.UTF8.GetBytes(config), out var problem));
        Assert.Contains(reason, problem);
    }

    [Fact]
    public void Refuses_invalid_utf8_and_deep_nesting_with_a_reason()
    {
        Assert.Null(HelmChartConfigReader.TryRead([0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D], out var invalid));
        Assert.NotNull(invalid);
        var deep = "{\"name\":\"x\",\"version\":\"1\",\"a\":" + new string('[', 100) + new string(']', 100) + "}";
        Assert.Null(HelmChartConfigReader.TryRead(Encoding.UTF8.GetBytes(deep), out var tooDeep));
        Assert.NotNull(tooDeep);
    }

    [Fact]
    public void Keeps_text_the_database_can_hold_and_bounds_it()
    {
        var keywords = string.Join(",", Enumerable.Range(0, 100).Select(i => $"\"k{i}\""));
        var config = $"{{\"name\":\"a\\u0000b\",\"version\":\"{new string('9', 500)}\",\"description\":\"{new string('d', 5000)}\",\"keywords\":[{keywords},7,null]}}";

        var chart = HelmChartConfigReader.TryRead(Encoding.UTF8.GetBytes(config), out _)!;

        Assert.Equal("ab", chart.Name);
        Assert.Equal(HelmChartConfigReader.MaxVersionLength, chart.Version.Length);
        Assert.Equal(HelmChartConfigReader.MaxDescriptionLength, chart.Description!.Length);
        Assert.Equal(HelmChartConfigReader.MaxKeywords, chart.Keywords.Count);
    }
}
