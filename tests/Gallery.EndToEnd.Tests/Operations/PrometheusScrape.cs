using System.Globalization;

namespace Gallery.EndToEnd.Tests.Operations;

/// <summary>A Prometheus text exposition, read as a scraper would: each sample's value summed over its labels, by metric name.</summary>
internal sealed class PrometheusScrape
{
    private readonly Dictionary<string, double> _sums = new(StringComparer.Ordinal);

    private PrometheusScrape(string text)
    {
        Text = text;
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            var nameEnd = line.IndexOfAny(['{', ' ']);
            var valueStart = line.LastIndexOf(' ');
            var name = line[..nameEnd];
            var value = double.Parse(line[(valueStart + 1)..], CultureInfo.InvariantCulture);
            _sums[name] = _sums.GetValueOrDefault(name) + value;
        }
    }

    public string Text { get; }

    /// <summary>The metric's value summed over its label sets; 0 when it has no sample yet (a counter nothing has added to).</summary>
    public double this[string name] => _sums.GetValueOrDefault(name);

    public bool Has(string name) => _sums.ContainsKey(name);

    public static async Task<PrometheusScrape> ReadAsync(HttpClient client, Uri url)
    {
        using var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}: {text}");
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        return new PrometheusScrape(text);
    }
}
