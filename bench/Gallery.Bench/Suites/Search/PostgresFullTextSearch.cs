using Gallery.Indexer.Search;
using Npgsql;

namespace Gallery.Bench.Suites.Search;

/// <summary>What the peer answers: a page of hits with what a card shows (last push included), the total, and both facets.</summary>
public sealed record PeerAnswer(long Total, IReadOnlyList<PeerHit> Hits, PeerFacets Facets);

public sealed record PeerHit(string FullName, string Name, string? PublisherDisplayName, bool Verified, string? Description,
    IReadOnlyList<string> Architectures, IReadOnlyList<string> OperatingSystems, long PullCount, DateTime? LastPushedAt);

public sealed record PeerFacets(IReadOnlyList<FacetCount> Architectures, IReadOnlyList<FacetCount> OperatingSystems);

/// <summary>
/// The peer: the same searches through PostgreSQL full-text search with Artifact Hub's recipe: a weighted tsvector
/// (name A with the <c>simple</c> configuration, description B, About C, English) in a stored generated column with a
/// GIN index; the text through <c>websearch_to_tsquery</c> with every lexeme rewritten to a prefix (<c>lexeme:*</c>);
/// ordered by <c>ts_rank</c> with Artifact Hub's weights, then pulls; filters on the architecture and OS arrays; the
/// total and both facets counted in the same round trip. No typo tolerance.
/// </summary>
public sealed class PostgresFullTextSearch(NpgsqlDataSource dataSource)
{
    private const string Query = """
        ts_rewrite(websearch_to_tsquery('english', @query), format(
            'select to_tsquery(lexeme), to_tsquery(lexeme || '':*'') from unnest(tsvector_to_array(to_tsvector(''english'', %L))) as lexeme', @query::text))
        """;

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            ALTER TABLE "Repositories" ADD COLUMN search tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector('simple', translate("FullName", '-/._', '    ')), 'A') ||
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

    public async Task<PeerAnswer> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        // Name separators as the name column has them (spaces): a typed full name is words, not one path-like token.
        var text = string.Join(' ', (request.Text ?? "").Split(['-', '/', '.', '_', ' '], StringSplitOptions.RemoveEmptyEntries));
        var where = new List<string>();
        if (text.Length > 0)
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

        var from = text.Length == 0 ? "\"Repositories\" r" : $"\"Repositories\" r, {Query} q";
        var filter = where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where);
        var order = request.Sort == SearchSort.Popularity || text.Length == 0 ? "r.\"PullCount\" DESC" : "ts_rank('{0.1, 0.2, 0.2, 1.0}', search, q) DESC, r.\"PullCount\" DESC";
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"""
            SELECT r."FullName", r."Name", g."DisplayName", g."Verified", r."Description", r."Architectures", r."OperatingSystems", r."PullCount",
                (SELECT max(m."PushedAt") FROM "Manifests" m WHERE m."RepositoryId" = r."Id")
            FROM "Repositories" r JOIN "Registries" g ON g."Id" = r."RegistryId"{(text.Length == 0 ? "" : $", {Query} q")} {filter} ORDER BY {order} LIMIT 25
            """));
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT count(*) FROM {from} {filter}"));
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT a, count(*) FROM {from}, unnest(\"Architectures\") a {filter} GROUP BY a"));
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT o, count(*) FROM {from}, unnest(\"OperatingSystems\") o {filter} GROUP BY o"));
        foreach (var command in batch.BatchCommands.Cast<NpgsqlBatchCommand>())
        {
            if (text.Length > 0)
            {
                command.Parameters.AddWithValue("query", text);
            }

            command.Parameters.AddWithValue("architectures", request.Architectures.ToArray());
            command.Parameters.AddWithValue("systems", request.OperatingSystems.ToArray());
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var hits = new List<PeerHit>();
        while (await reader.ReadAsync(cancellationToken))
        {
            hits.Add(new PeerHit(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetBoolean(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetFieldValue<string[]>(5), reader.GetFieldValue<string[]>(6), reader.GetInt64(7),
                reader.IsDBNull(8) ? null : reader.GetDateTime(8)));
        }

        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var total = reader.GetInt64(0);
        var facets = new List<FacetCount>[2];
        for (var i = 0; i < 2; i++)
        {
            await reader.NextResultAsync(cancellationToken);
            facets[i] = [];
            while (await reader.ReadAsync(cancellationToken))
            {
                facets[i].Add(new FacetCount(reader.GetString(0), (int)reader.GetInt64(1)));
            }
        }

        return new PeerAnswer(total, hits, new PeerFacets(facets[0], facets[1]));
    }
}
