using System.Diagnostics;
using Gallery.Bench.Cli;
using Gallery.Bench.Measure;
using Gallery.Bench.Processes;
using Gallery.Bench.Reporting;
using Gallery.Bench.Servers;
using Gallery.Indexer;
using Gallery.Indexer.Indexing;
using Gallery.Indexer.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Registry.Core;
using Registry.Core.Cluster;
using Registry.Core.Data;

namespace Gallery.Bench.Suites.Search;

/// <summary>
/// Search at scale, in this process: N generated repositories (100,000; quick 10,000) written to a throwaway
/// PostgreSQL database, the Lucene index rebuilt from it (timed, sized), then the same 1,000 searches (filters, facets)
/// through IGallerySearch and through PostgreSQL full-text search. Always uses PostgreSQL (the peer needs it).
/// </summary>
public sealed class SearchSuite : ISuite
{
    public const int Queries = 1000;

    public string Name => "search";

    public async Task<SuiteReport> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var started = Progress.Elapsed;
        var count = options.Quick ? 10_000 : 100_000;
        var notes = new List<string>();
        using var scratch = new TempDirectory("search");
        Progress.Line("search: starting a throwaway PostgreSQL cluster");
        await using var postgres = await PostgresCluster.StartAsync(cancellationToken);
        var connectionString = new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Database = "bench_search" }.ConnectionString;
        await using (var admin = new NpgsqlConnection(postgres.ConnectionString))
        {
            await admin.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand("CREATE DATABASE bench_search", admin);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        RegistryDbContext NewContext() => new PostgresRegistryDbContext(new DbContextOptionsBuilder<PostgresRegistryDbContext>()
            .UseNpgsql(connectionString, o => o.CommandTimeout(600)).Options);
        await using (var db = NewContext())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        Progress.Line($"search: generating and loading {count:N0} repositories");
        var load = Stopwatch.StartNew();
        await CatalogLoader.LoadAsync(NewContext, RepositoryGenerator.Generate(count).ToList(), cancellationToken);
        notes.Add($"loading {count:N0} generated repositories into PostgreSQL took {load.Elapsed.TotalSeconds:0} s (not a figure)");

        Progress.Line("search: building the index from the database (reindex)");
        var indexOptions = Options.Create(new IndexOptions { Path = scratch.Combine("index") });
        var registryOptions = Options.Create(new RegistryOptions { DataPath = scratch.Path });
        using var writer = new GalleryIndexWriter(indexOptions, registryOptions);
        var memoryBefore = Process.GetCurrentProcess().WorkingSet64;
        var build = Stopwatch.StartNew();
        await using (var db = NewContext())
        {
            await new Reindexer(writer, new RepositoryRecordReader(db), new EventFeed(db), new CheckpointStore(db, indexOptions, new NodeIdentity(registryOptions)), indexOptions, NullLogger<Reindexer>.Instance)
                .RunAsync(cancellationToken);
        }

        var buildSeconds = build.Elapsed.TotalSeconds;
        var indexBytes = Directory.EnumerateFiles(scratch.Combine("index")).Sum(f => new FileInfo(f).Length);

        var search = new GallerySearch(writer);
        var requests = QueryMix.Create(Queries);
        Progress.Line($"search: {Queries} searches through Lucene (after a warm-up pass)");
        var hits = requests.Sum(r => search.Search(r).Total);
        var loadBefore = MachineInfo.LoadAverage();
        var ours = requests.Select(r => Time(() => search.Search(r))).ToList();
        notes.Add($"1-minute load average {loadBefore:0.0} before the Lucene searches, {MachineInfo.LoadAverage():0.0} after ({Environment.ProcessorCount} CPUs)");
        GC.Collect();
        var memory = Process.GetCurrentProcess().WorkingSet64;
        notes.Add($"the mix found {hits:N0} repositories in all; process working set {memory / 1048576.0:0} MiB after the searches ({memoryBefore / 1048576.0:0} MiB before the build)");

        Progress.Line("search: the same searches through PostgreSQL full-text search (tsvector + GIN + ts_rank)");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var peer = new PostgresFullTextSearch(dataSource);
        await peer.PrepareAsync(cancellationToken);
        foreach (var request in requests)
        {
            await peer.SearchAsync(request, cancellationToken);
        }

        var theirs = new List<double>(requests.Count);
        foreach (var request in requests)
        {
            var clock = Stopwatch.StartNew();
            await peer.SearchAsync(request, cancellationToken);
            theirs.Add(clock.Elapsed.TotalMilliseconds);
        }

        Figure[] figures =
        [
            new("search.build", $"index build, {count:N0} repositories (reindex from PostgreSQL)", "s", Better.Lower, [buildSeconds], [], Comparable: false),
            new("search.size", "index size", "MiB", Better.Lower, [indexBytes / 1048576.0], [], Comparable: false),
            new("search.memory", "process working set after the searches", "MiB", Better.Lower, [memory / 1048576.0], [], Comparable: false),
            new("search.p50", $"search latency p50, {Queries} queries with filters and facets (peer: PostgreSQL FTS)", "ms", Better.Lower, ours, theirs, Target.AtLeastPeer(5)),
            new("search.p99", "search latency p99 (same queries)", "ms", Better.Lower, [Stats.Percentile(ours, 99)], [Stats.Percentile(theirs, 99)], Target.OursBelow(15)),
            new("search.p50.absolute", "search latency p50, absolute target", "ms", Better.Lower, [Stats.Median(ours)], [], Target.OursBelow(3), Comparable: false),
        ];
        return new SuiteReport(Name, options.Quick, "Postgres", "in-process", "Gallery.Indexer (Lucene.NET, in-process)", $"PostgreSQL {postgres.Version} full-text search",
            new Dictionary<string, string> { ["repositories"] = count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), ["queries"] = Queries.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            figures, notes, startedAt, Progress.Elapsed - started);
    }

    private static double Time(Func<SearchResult> search)
    {
        var clock = Stopwatch.StartNew();
        search();
        return clock.Elapsed.TotalMilliseconds;
    }
}
