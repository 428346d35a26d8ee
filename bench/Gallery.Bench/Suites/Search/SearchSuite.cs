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
/// through IGallerySearch and through PostgreSQL full-text search, in-process and over HTTP (latency, answer size);
/// the judged searches (<see cref="JudgedQueries"/>) through both for relevance per kind; suggestions timed.
/// Always uses PostgreSQL (the peer needs it).
/// </summary>
public sealed class SearchSuite : ISuite
{
    public const int Queries = 1000;

    /// <summary>Times each typed text is timed as a suggestion.</summary>
    private const int SuggestionRounds = 3;

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
        var catalog = RepositoryGenerator.Generate(count).ToList();
        await CatalogLoader.LoadAsync(NewContext, catalog, cancellationToken);
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
        notes.Add($"the catalog: {catalog.Select(r => r.Alias).Distinct().Count():N0} publishers, the largest with {catalog.GroupBy(r => r.Alias).Max(g => g.Count()):N0} repositories; About text {catalog.Average(r => r.About.Length):N0} characters on average");
        var loadBefore = MachineInfo.LoadAverage();
        var gc = GcWatch.Start();
        var ours = requests.Select(r => Time(() => search.Search(r))).ToList();
        notes.Add($"during the in-process searches: {gc.Stop()}");
        var searchBytes = requests.Select(r => Allocated(() => search.Search(r))).ToList();
        notes.Add($"1-minute load average {loadBefore:0.0} before the Lucene searches, {MachineInfo.LoadAverage():0.0} after ({Environment.ProcessorCount} CPUs)");
        notes.Add("slowest in-process searches: " + string.Join(", ", ours.Select((ms, i) => (ms, i)).OrderByDescending(x => x.ms).Take(5)
            .Select(x => $"'{requests[x.i].Text}' {x.ms:0.0} ms")));
        GC.Collect();
        var memory = Process.GetCurrentProcess().WorkingSet64;
        notes.Add($"the mix found {hits:N0} repositories in all; process working set {memory / 1048576.0:0} MiB after the searches ({memoryBefore / 1048576.0:0} MiB before the build)");

        Progress.Line("search: package= searches through Lucene");
        var packageRandom = new Random(5);
        var packageRequests = Enumerable.Range(0, 200).Select(i => new SearchRequest
        {
            Package = PackageFilter.TryParse(SbomPackages.Universe[(int)(Math.Pow(packageRandom.NextDouble(), 2) * SbomPackages.Universe.Length)]
                + (i % 3 == 0 ? "@1" : ""), out _),
            Signed = i % 7 == 0 ? false : null,
            PageSize = 25,
        }).ToList();
        packageRequests.ForEach(r => search.Search(r));
        var packageLatencies = packageRequests.Select(r => Time(() => search.Search(r))).ToList();
        using (var lease = writer.Acquire()!)
        {
            var terms = Lucene.Net.Index.MultiFields.GetTerms(lease.Searcher.IndexReader, Gallery.Indexer.Documents.IndexFields.Package);
            notes.Add($"SBOM packages: {catalog.Count(r => r.Packages.Length > 0):N0} repositories with an SBOM, {catalog.Sum(r => r.Packages.Length):N0} packages in all; "
                + $"the index holds {terms?.Count ?? 0:N0} distinct package terms (names and name@version) in {terms?.SumDocFreq ?? 0:N0} postings, "
                + $"and stored package maps of {catalog.Where(r => r.Packages.Length > 0).Sum(r => Gallery.Indexer.Documents.PackageMap.Of(r.Tags.SelectMany(t => r.Packages.Select(p => new Gallery.Indexer.Artifacts.TagPackage(t, p.Name, p.Version)))).Encode().Length) / 1048576.0:0.0} MiB before compression");
        }

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

        Progress.Line("search: the judged searches through both engines");
        var judged = JudgedQueries.Create(catalog);
        var relevance = new List<Figure>();
        var oursEmpty = 0;
        var peerEmpty = 0;
        foreach (var kind in Enum.GetValues<JudgedKind>())
        {
            var (oursScore, peerScore) = (new RelevanceScore(), new RelevanceScore());
            foreach (var query in judged.Where(q => q.Kind == kind))
            {
                var ourAnswer = search.Search(query.Request);
                oursScore.Add(query.Target, ourAnswer.Hits.Select(h => h.FullName).ToList(), ourAnswer.Total);
                var peerAnswer = await peer.SearchAsync(query.Request, cancellationToken);
                peerScore.Add(query.Target, peerAnswer.Hits.Select(h => h.FullName).ToList(), peerAnswer.Total);
            }

            oursEmpty += oursScore.Empty;
            peerEmpty += peerScore.Empty;
            relevance.AddRange(RelevanceFigures(kind, oursScore, peerScore));
        }

        Progress.Line("search: our server (Gallery.Web) on the same database, building its own index as a new replica does");
        await using var server = await OurServer.StartAsync(connectionString, cancellationToken);
        using var serverHttp = new HttpClient { BaseAddress = server.BaseAddress };
        var serverBuild = Stopwatch.StartNew();
        await SearchReadiness.WaitUntilSearchableAsync(serverHttp, server.BaseAddress, count, cancellationToken);
        notes.Add($"our server built its index of {count:N0} repositories from the database in {serverBuild.Elapsed.TotalSeconds:0} s (not a figure)");

        Progress.Line($"search: {Queries} searches over HTTP, our server's then the peer's; suggestions in-process and from our server");
        await using var peerHttp = await SearchHttpHost.StartAsync(peer);
        var queryStrings = requests.Select(SearchHttpHost.QueryString).ToList();
        var (ourHttp, ourBytes) = await TimeHttpAsync(serverHttp, "api/search", queryStrings, cancellationToken);
        var (peerHttpTimes, peerBytes) = await TimeHttpAsync(peerHttp.Client, "peer/search", queryStrings, cancellationToken);
        notes.Add($"1-minute load average {MachineInfo.LoadAverage():0.0} after the HTTP searches");
        var typed = judged.Where(q => q.Kind is JudgedKind.Prefix or JudgedKind.BareName or JudgedKind.Typo).Select(q => q.Request.Text!).ToList();
        var suggest = new GallerySuggest(writer);
        var suggestions = TimeSuggestions(suggest, typed);
        var suggestBytes = typed.Select(t => Allocated(() => suggest.Suggest(t))).ToList();
        notes.Add("slowest suggestions in-process: " + string.Join(", ", suggestions.Select((ms, i) => (ms, i)).OrderByDescending(x => x.ms).Take(5)
            .Select(x => $"'{typed[x.i % typed.Count]}' {x.ms:0.00} ms")));
        var (suggestHttp, _) = await TimeHttpAsync(serverHttp, "api/suggest", typed.Select(t => $"q={Uri.EscapeDataString(t)}").ToList(), cancellationToken);

        Figure[] figures =
        [
            new("search.build", $"index build, {count:N0} repositories (reindex from PostgreSQL)", "s", Better.Lower, [buildSeconds], [], Comparable: false),
            new("search.size", "index size", "MiB", Better.Lower, [indexBytes / 1048576.0], [], Comparable: false),
            new("search.memory", "process working set after the searches", "MiB", Better.Lower, [memory / 1048576.0], [], Comparable: false),
            new("search.p50", $"search latency p50 in-process, {Queries} queries with filters and facets (peer: PostgreSQL FTS)", "ms", Better.Lower, ours, theirs, Target.AtLeastPeer(5)),
            new("search.p99", "search latency p99 in-process (same queries)", "ms", Better.Lower, [Stats.Percentile(ours, 99)], [Stats.Percentile(theirs, 99)]),
            new("search.package.p50", $"package= search latency p50 in-process ({packageRequests.Count} names, a third with a version prefix)", "ms", Better.Lower, packageLatencies, [], Comparable: false),
            new("search.package.p99", "package= search latency p99 in-process", "ms", Better.Lower, [Stats.Percentile(packageLatencies, 99)], [], Target.OursBelow(15), Comparable: false),
            new("search.http.p50", "search latency p50 over HTTP (same queries; ours: Gallery.Web's /api/search; peer: its answer as JSON from a host in the harness)", "ms", Better.Lower, ourHttp, peerHttpTimes, Target.AtLeastPeer(5)),
            new("search.http.p99", "search latency p99 over HTTP", "ms", Better.Lower, [Stats.Percentile(ourHttp, 99)], [Stats.Percentile(peerHttpTimes, 99)], Target.OursBelow(15)),
            new("search.http.bytes", "answer size, median over the same queries (25 hits, facets)", "bytes", Better.Lower, ourBytes, peerBytes, Target.AtLeastPeer(1)),
            new("search.allocated", "managed memory allocated per search in-process, mean (same queries; deterministic, unlike the timings)", "KiB", Better.Lower, [searchBytes.Average() / 1024], [], Comparable: false),
            new("suggest.allocated", "managed memory allocated per suggestion in-process, mean", "KiB", Better.Lower, [suggestBytes.Average() / 1024], [], Comparable: false),
            new("suggest.p50", $"suggestions in-process p50 ({typed.Count} typed texts, {SuggestionRounds} times each)", "ms", Better.Lower, suggestions, [], Comparable: false),
            new("suggest.p99", "suggestions in-process p99", "ms", Better.Lower, [Stats.Percentile(suggestions, 99)], [], Target.OursBelow(2), Comparable: false),
            new("suggest.http.p50", "suggestions over HTTP p50 (Gallery.Web's /api/suggest, the same texts once each)", "ms", Better.Lower, suggestHttp, [], Comparable: false),
            new("suggest.http.p99", "suggestions over HTTP p99", "ms", Better.Lower, [Stats.Percentile(suggestHttp, 99)], [], Comparable: false),
            .. relevance,
            new("relevance.empty", $"judged searches answering nothing (of {judged.Count})", "searches", Better.Lower, [oursEmpty], [peerEmpty], Target.AtLeastPeer(1)),
        ];
        return new SuiteReport(Name, options.Quick, "Postgres", "in-process", "Gallery.Indexer (Lucene.NET, in-process)", $"PostgreSQL {postgres.Version} full-text search",
            new Dictionary<string, string> { ["repositories"] = count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), ["queries"] = Queries.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            figures, notes, startedAt, Progress.Elapsed - started);
    }

    /// <summary>Found per kind (first for exact names, top 5 otherwise), with top 1, top 5 and MRR beside it.</summary>
    private static IEnumerable<Figure> RelevanceFigures(JudgedKind kind, RelevanceScore ours, RelevanceScore peer)
    {
        var id = $"relevance.{kind.ToString().ToLowerInvariant()}";
        Target? target = kind switch
        {
            JudgedKind.ExactFullName or JudgedKind.BareName => Target.OursAtLeast(Math.Ceiling(ours.Queries * 0.97)),
            JudgedKind.Prefix => Target.OursAtLeast(Math.Ceiling(ours.Queries * 0.83)),
            JudgedKind.Typo => Target.OursAtLeast(Math.Ceiling(ours.Queries * 0.95)),
            _ => null,
        };
        yield return new($"{id}.top1", $"{kind}: target first (of {ours.Queries})", "searches", Better.Higher, [ours.First], [peer.First],
            JudgedQueries.Within(kind) == 1 ? target : null);
        yield return new($"{id}.top5", $"{kind}: target in the top 5 (of {ours.Queries})", "searches", Better.Higher, [ours.TopFive], [peer.TopFive],
            JudgedQueries.Within(kind) == 5 ? target : null);
        yield return new($"{id}.mrr", $"{kind}: mean reciprocal rank (first page)", "", Better.Higher, [ours.Mrr], [peer.Mrr]);
        yield return new($"{id}.empty", $"{kind}: answering nothing", "searches", Better.Lower, [ours.Empty], [peer.Empty]);
    }

    /// <summary>
    /// Suggestions the way a long-running server meets them: after a full collection (the harness's own garbage is not
    /// theirs) and three warm-up passes (so the JIT has optimised the path), each text timed in each of
    /// <see cref="SuggestionRounds"/> passes.
    /// </summary>
    private static List<double> TimeSuggestions(GallerySuggest suggest, List<string> typed)
    {
        for (var pass = 0; pass < 3; pass++)
        {
            typed.ForEach(t => suggest.Suggest(t));
        }

        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var times = new List<double>(typed.Count * SuggestionRounds);
        for (var round = 0; round < SuggestionRounds; round++)
        {
            times.AddRange(typed.Select(t => Time(() => suggest.Suggest(t))));
        }

        return times;
    }

    /// <summary>Times one GET per query string, after a warm-up pass of them all (a server meets a mix after earlier traffic warmed its JIT).</summary>
    private static async Task<(List<double> Latencies, List<double> Bytes)> TimeHttpAsync(HttpClient client, string path, List<string> queries, CancellationToken cancellationToken)
    {
        foreach (var query in queries)
        {
            await client.GetByteArrayAsync($"{path}?{query}", cancellationToken);
        }

        var latencies = new List<double>(queries.Count);
        var bytes = new List<double>(queries.Count);
        foreach (var query in queries)
        {
            var clock = Stopwatch.StartNew();
            var body = await client.GetByteArrayAsync($"{path}?{query}", cancellationToken);
            latencies.Add(clock.Elapsed.TotalMilliseconds);
            bytes.Add(body.Length);
        }

        return (latencies, bytes);
    }

    private static double Allocated<T>(Func<T> search)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        search();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static double Time<T>(Func<T> search)
    {
        var clock = Stopwatch.StartNew();
        search();
        return clock.Elapsed.TotalMilliseconds;
    }
}
