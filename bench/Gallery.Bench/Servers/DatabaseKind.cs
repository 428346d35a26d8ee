namespace Gallery.Bench.Servers;

/// <summary>Our server's metadata database for a run (<c>--db sqlite|postgres</c>).</summary>
public enum DatabaseKind
{
    Sqlite,
    Postgres,
}
