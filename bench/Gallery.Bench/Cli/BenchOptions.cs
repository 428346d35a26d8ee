using Gallery.Bench.Load;
using Gallery.Bench.Servers;

namespace Gallery.Bench.Cli;

/// <summary>The command line: <c>&lt;suite&gt; [--quick] [--db sqlite|postgres] [--storage filesystem|s3] [--load auto|wrk|inproc] [--results DIR]</c>.</summary>
public sealed record BenchOptions(string Suite, bool Quick, DatabaseKind Database, LoadTool Load, string ResultsDirectory, StorageKind Storage = StorageKind.FileSystem)
{
    public const string Usage = """
        usage: dotnet run -c Release --project bench/Gallery.Bench -- <suite> [options]

        suites:
          registry    blob push/pull, image pull, manifest GET/HEAD, tags/list, push memory, vs CNCF Distribution
          search      search latency at 100,000 repositories, vs PostgreSQL full-text search
          freshness   push -> found by search
          pages       the gallery pages at 100,000 repositories, quiet and with a push a second
          follow      push -> webhook delivered, 100 webhooks on one repository
          all         every suite above

        options:
          --quick                   smaller sizes and shorter loops (under two minutes)
          --db sqlite|postgres      our server's database (default sqlite; postgres starts a throwaway cluster, needs root)
          --storage filesystem|s3   where both servers keep blobs (s3: a throwaway Ceph RADOS Gateway, a bucket each; needs root)
          --load auto|wrk|inproc    load generator for the requests/s figures (default auto: wrk when installed)
          --results DIR             where the JSON goes (default bench/results in the repository)
        """;

    /// <summary>Parses the arguments; null with an error message when they make no sense.</summary>
    public static BenchOptions? Parse(string[] args, out string? error)
    {
        error = null;
        string? suite = null;
        var quick = false;
        var database = DatabaseKind.Sqlite;
        var load = LoadTool.Auto;
        var storage = StorageKind.FileSystem;
        string? results = null;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--quick":
                    quick = true;
                    break;
                case "--db" when i + 1 < args.Length:
                    database = args[++i].ToLowerInvariant() switch
                    {
                        "sqlite" => DatabaseKind.Sqlite,
                        "postgres" or "postgresql" => DatabaseKind.Postgres,
                        var other => Fail<DatabaseKind>($"unknown database '{other}' (sqlite or postgres)", ref error),
                    };
                    break;
                case "--storage" when i + 1 < args.Length:
                    storage = args[++i].ToLowerInvariant() switch
                    {
                        "filesystem" or "fs" => StorageKind.FileSystem,
                        "s3" => StorageKind.S3,
                        var other => Fail<StorageKind>($"unknown storage '{other}' (filesystem or s3)", ref error),
                    };
                    break;
                case "--load" when i + 1 < args.Length:
                    load = args[++i].ToLowerInvariant() switch
                    {
                        "auto" => LoadTool.Auto,
                        "wrk" => LoadTool.Wrk,
                        "inproc" or "in-process" => LoadTool.InProcess,
                        var other => Fail<LoadTool>($"unknown load generator '{other}' (auto, wrk or inproc)", ref error),
                    };
                    break;
                case "--results" when i + 1 < args.Length:
                    results = Path.GetFullPath(args[++i]);
                    break;
                case "-h" or "--help":
                    return null;
                default:
                    if (arg.StartsWith('-') || suite is not null)
                    {
                        error = $"unexpected argument '{arg}'";
                    }

                    suite = arg.ToLowerInvariant();
                    break;
            }
        }

        if (suite is null)
        {
            error ??= "name a suite";
        }

        return error is null ? new BenchOptions(suite!, quick, database, load, results ?? DefaultResultsDirectory(), storage) : null;
    }

    private static T Fail<T>(string message, ref string? error)
    {
        error ??= message;
        return default!;
    }

    /// <summary>bench/results in the checkout that holds Gallery.sln.</summary>
    private static string DefaultResultsDirectory() =>
        RepositoryRoot.Find() is { } root ? Path.Combine(root, "bench", "results") : Path.Combine(Environment.CurrentDirectory, "bench-results");
}
