using System.Diagnostics;
using System.Globalization;
using Gallery.Bench.Cli;
using Gallery.Bench.Load;
using Gallery.Bench.Measure;
using Gallery.Bench.Oci;
using Gallery.Bench.Processes;
using Gallery.Bench.Reporting;
using Gallery.Bench.Servers;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Registry.Core.Data;

namespace Gallery.Bench.Suites.Pages;

/// <summary>
/// The public gallery pages on our real server at catalog scale: 100,000 repositories (quick: 10,000) seeded into its
/// database (SQLite or PostgreSQL), index built. Each page (home, search, repository, its tags tab, a publisher with
/// thousands of repositories) is timed as one visitor meets it — TTFB as served and with the page cache bypassed, p50
/// and p99 — first quietly, then while a real push lands every second (each push empties the page cache entries it
/// changes). The quiet phase also loads each page with 16 clients. No peer: Distribution has no pages.
/// </summary>
public sealed class PagesSuite : ISuite
{
    private const int Clients = 16;

    public string Name => "pages";

    public async Task<SuiteReport> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var started = Progress.Elapsed;
        var count = options.Quick ? 10_000 : 100_000;
        var tagsRepositoryTags = options.Quick ? 500 : 2_000;
        var phase = TimeSpan.FromSeconds(options.Quick ? 5 : 20);
        var notes = new List<string>();
        using var data = new TempDirectory("pages-data");
        PostgresCluster? postgres = null;
        try
        {
            string? connectionString = null;
            if (options.Database == DatabaseKind.Postgres)
            {
                Progress.Line("pages: starting a throwaway PostgreSQL cluster");
                postgres = await PostgresCluster.StartAsync(cancellationToken);
                connectionString = await CreateDatabaseAsync(postgres, cancellationToken);
            }

            Progress.Line($"pages: seeding {count:N0} repositories into {(postgres is null ? "SQLite" : "PostgreSQL")}");
            var seed = Stopwatch.StartNew();
            var pages = await PagesCatalog.SeedAsync(Contexts(connectionString, data.Combine("gallery.db")), count, tagsRepositoryTags, cancellationToken);
            notes.Add($"seeding {count:N0} repositories straight into the database took {seed.Elapsed.TotalSeconds:0} s (not a figure)");

            await using var ours = await OurServer.StartAsync(connectionString, cancellationToken, dataPath: data.Path);
            using var http = RegistryClient.CreateHttpClient(maxConnections: Clients);
            var build = Stopwatch.StartNew();
            await SearchReadiness.WaitUntilSearchableAsync(http, ours.BaseAddress, count, cancellationToken);
            notes.Add($"the server built its index of {count:N0} repositories from the database in {build.Elapsed.TotalSeconds:0} s (not a figure)");

            var figures = new List<Figure>();
            var load = new LoadLoop();
            var loadSettings = new LoadSettings(Clients, TimeSpan.FromSeconds(options.Quick ? 2 : 5), 2_000_000, TimeSpan.FromSeconds(1));
            var quietLoad = MachineInfo.LoadAverage();
            foreach (var page in pages)
            {
                var url = new Uri(ours.BaseAddress, page.Path);
                var samples = await PageTimer.SampleAsync(http, url, 200, phase, cancellationToken);
                figures.AddRange(TimeFigures(page, "quiet", "no pushes", samples));
                var result = await load.RunAsync(new LoadRequest("GET", url), loadSettings, cancellationToken);
                Progress.Line($"pages: {page.Title}, {Clients} clients: {result}");
                if (result.Errors > 0)
                {
                    throw new BenchException($"{page.Title} answered {result.Errors} errors under load");
                }

                figures.Add(new($"pages.{page.Id}.rps", $"{page.Title}: {Clients} clients", "req/s", Better.Higher, [result.RequestsPerSecond], [], Comparable: false));
                figures.Add(new($"pages.{page.Id}.load-p99", $"{page.Title}: p99 latency, {Clients} clients", "ms", Better.Lower, [result.P99Milliseconds], [], Comparable: false));
            }

            notes.Add($"1-minute load average {quietLoad:0.0} when the quiet phase started, {MachineInfo.LoadAverage():0.0} when it ended ({Environment.ProcessorCount} CPUs)");

            var pushingLoad = MachineInfo.LoadAverage();
            await using (var pushes = SteadyPushes.Start(http, ours, maxPushes: (int)(phase.TotalSeconds * pages.Count) + 10, phase * pages.Count + TimeSpan.FromSeconds(30), cancellationToken))
            {
                foreach (var page in pages)
                {
                    var samples = await PageTimer.SampleAsync(http, new Uri(ours.BaseAddress, page.Path), 100_000, phase, cancellationToken);
                    figures.AddRange(TimeFigures(page, "pushing", "a push a second", samples));
                }

                notes.Add($"{pushes.Count} pushes landed while the pages were timed (one a second; push p50 {Stats.Median(pushes.Milliseconds):0} ms)");
            }

            notes.Add($"1-minute load average {pushingLoad:0.0} when the pushing phase started, {MachineInfo.LoadAverage():0.0} when it ended");
            return new SuiteReport(Name, options.Quick, options.Database.ToString(), load.Description, ours.Description, "—",
                new Dictionary<string, string>
                {
                    ["repositories"] = count.ToString("N0", CultureInfo.InvariantCulture),
                    ["tags tab repository"] = $"{tagsRepositoryTags:N0} tags",
                    ["timing"] = $"one request at a time, cached and rendered alternately, {phase.TotalSeconds:0} s per page and phase (at most 200 of each when quiet)",
                    ["clients"] = Clients.ToString(CultureInfo.InvariantCulture),
                },
                figures,
                [
                    "TTFB: time to the response headers of one GET at a time; under load: whole responses, read to the end",
                    "cached: the page as served (page cache entries live at most 1 s and a push empties those it changes); rendered: a fresh query parameter bypasses the cache",
                    .. notes,
                ], startedAt, Progress.Elapsed - started);
        }
        finally
        {
            if (postgres is not null)
            {
                await postgres.DisposeAsync();
            }
        }
    }

    private static IEnumerable<Figure> TimeFigures(BenchPage page, string phase, string phaseTitle, PageTimer.Samples samples)
    {
        Progress.Line($"pages: {page.Title}, {phaseTitle}: cached p50 {Stats.Median(samples.Cached):0.00} / p99 {Stats.Percentile(samples.Cached, 99):0.00} ms, "
            + $"rendered p50 {Stats.Median(samples.Rendered):0.00} / p99 {Stats.Percentile(samples.Rendered, 99):0.00} ms ({samples.Rendered.Count} each)");
        foreach (var (kind, values) in new[] { ("cached", samples.Cached), ("rendered", samples.Rendered) })
        {
            var rendered = kind == "rendered";
            yield return new($"pages.{page.Id}.{phase}.{kind}.p50", $"{page.Title}, {phaseTitle}: TTFB p50, {kind}", "ms", Better.Lower,
                [Stats.Median(values)], [], rendered ? Target.OursBelow(30) : null, Comparable: false);
            yield return new($"pages.{page.Id}.{phase}.{kind}.p99", $"{page.Title}, {phaseTitle}: TTFB p99, {kind}", "ms", Better.Lower,
                [Stats.Percentile(values, 99)], [], rendered ? Target.OursBelow(100) : null, Comparable: false);
        }
    }

    private static Func<RegistryDbContext> Contexts(string? postgres, string sqliteFile) => postgres is null
        ? () => new SqliteRegistryDbContext(new DbContextOptionsBuilder<SqliteRegistryDbContext>()
            .UseSqlite($"Data Source={sqliteFile}", o => o.CommandTimeout(600)).Options)
        : () => new PostgresRegistryDbContext(new DbContextOptionsBuilder<PostgresRegistryDbContext>()
            .UseNpgsql(postgres, o => o.CommandTimeout(600)).Options);

    private static async Task<string> CreateDatabaseAsync(PostgresCluster postgres, CancellationToken cancellationToken)
    {
        await using var admin = new NpgsqlConnection(postgres.ConnectionString);
        await admin.OpenAsync(cancellationToken);
        await using var create = new NpgsqlCommand("CREATE DATABASE bench_pages", admin);
        await create.ExecuteNonQueryAsync(cancellationToken);
        return new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Database = "bench_pages" }.ConnectionString;
    }
}
