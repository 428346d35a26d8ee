using Gallery.Indexer.Search;
using Npgsql;

namespace Gallery.Bench.Suites.Search;

/// <summary>
/// The peer: the same searches through PostgreSQL full-text search, as Artifact Hub does it: a weighted tsvector
/// (name A, description B, About C) in a stored generated column with a GIN index, ts_rank ordering, filters on the
/// catalog's architecture and OS arrays, and the total and both facets counted in the same round trip.
/// No typo tolerance, no prefixes beyond the last word's.
/// </summary>
public sealed class PostgresFullTextSearch(NpgsqlDataSource dataSource)
{
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            ALTER TABLE "Repositories" ADD COLUMN search tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector('english', replace(replace("Name", '-', ' '), '/', ' ')), 'A') ||
                setweight(to_tsvector('english', coalesce("Description", '')), 'B') ||
                setweight(to_tsvector('english', coalesce("AboutText", '')), 'C')) STORED;
            CREATE INDEX repositories_search ON "Repositories" USING gin (search);
            CREATE INDEX repositories_architectures ON "Repositories" USING gin ("Architectures");
            CREATE INDEX repositories_systems ON "Repositories" USING gin ("OperatingSystems");
            ANALYZE "Repositories";
            """);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<long> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        var words = QueryText.Parse(request.Text).Words;
        var query = words.Count == 0 ? null : string.Join(" & ", words.Select((w, i) => i == words.Count - 1 ? $"{w}:*" : w));
        var where = new List<string>();
        if (query is not null)
        {
            where.Add("search @@ q");
        }

        if (request.Architectures.Count > 0)
        {
            where.Add("\"Architectures\" && @architectures");
        }

        if (request.OperatingSystems.Count > 0)
        {
            where.Add("\"OperatingSystems\" && @systems");
        }

        var from = query is null ? "\"Repositories\" r" : "\"Repositories\" r, to_tsquery('english', @query) q";
        var filter = where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where);
        var order = request.Sort == SearchSort.Popularity || query is null ? "\"PullCount\" DESC" : "ts_rank(search, q) DESC, \"PullCount\" DESC";
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT \"FullName\", \"Description\", \"PullCount\" FROM {from} {filter} ORDER BY {order} LIMIT 25"));
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT count(*) FROM {from} {filter}"));
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT a, count(*) FROM {from}, unnest(\"Architectures\") a {filter} GROUP BY a"));
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT o, count(*) FROM {from}, unnest(\"OperatingSystems\") o {filter} GROUP BY o"));
        foreach (var command in batch.BatchCommands.Cast<NpgsqlBatchCommand>())
        {
            if (query is not null)
            {
                command.Parameters.AddWithValue("query", query);
            }

            command.Parameters.AddWithValue("architectures", request.Architectures.ToArray());
            command.Parameters.AddWithValue("systems", request.OperatingSystems.ToArray());
        }

        long rows = 0;
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        do
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows++;
            }
        }
        while (await reader.NextResultAsync(cancellationToken));
        return rows;
    }
}
