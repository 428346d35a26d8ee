using System.Diagnostics;
using System.Text.Json;

namespace Gallery.Bench.Servers;

/// <summary>Our server builds its index from a seeded database at start; a suite times it once search finds every repository.</summary>
public static class SearchReadiness
{
    public static async Task WaitUntilSearchableAsync(HttpClient http, Uri baseAddress, int repositories, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (await SearchTotalAsync(http, baseAddress, cancellationToken) < repositories)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(10))
            {
                throw new BenchException($"the server's index did not hold the {repositories:N0} seeded repositories after 10 minutes");
            }

            await Task.Delay(500, cancellationToken);
        }
    }

    private static async Task<long> SearchTotalAsync(HttpClient http, Uri baseAddress, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(baseAddress, "api/search?pageSize=1"), cancellationToken);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken));
        return json.RootElement.GetProperty("total").GetInt64();
    }
}
