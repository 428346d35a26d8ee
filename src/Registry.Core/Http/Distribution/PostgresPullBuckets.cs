using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Registry.Core.Http.Distribution;

/// <summary>
/// Pull allowances in PostgreSQL, shared by every node: one statement per pull updates the caller's bucket row
/// atomically (the row lock orders concurrent pulls from any node) on the database's clock, and answers whether the pull
/// was allowed. The table is unlogged: a crash of the database forgets allowances, which only makes them full again.
/// Every minute, full buckets are deleted.
/// </summary>
public sealed class PostgresPullBuckets(string connectionString, ILogger<PostgresPullBuckets> logger) : BackgroundService, IPullBuckets
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    // PullAllowance.Take, in SQL: the bucket moves one interval on from max(its time, now) while that stays within the
    // window of now. When the WHERE refuses, nothing is written and the outer SELECT (which sees the table as it was
    // before the statement) reads the unchanged time to say when a pull would be allowed.
    private const string TakeSql = """
        WITH taken AS (
            INSERT INTO "PullRateBuckets" AS b ("Key", "ArrivalTime")
            VALUES (@key, extract(epoch FROM now()) + @interval)
            ON CONFLICT ("Key") DO UPDATE
                SET "ArrivalTime" = greatest(b."ArrivalTime", extract(epoch FROM now())) + @interval
                WHERE greatest(b."ArrivalTime", extract(epoch FROM now())) + @interval - extract(epoch FROM now()) <= @window
            RETURNING 1)
        SELECT EXISTS (SELECT 1 FROM taken),
               (SELECT "ArrivalTime" FROM "PullRateBuckets" WHERE "Key" = @key) + @interval - @window - extract(epoch FROM now())
        """;

    private const string SweepSql = """DELETE FROM "PullRateBuckets" WHERE "ArrivalTime" < extract(epoch FROM now())""";

    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(
        new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = Math.Max(4, new NpgsqlConnectionStringBuilder(connectionString).MaxAutoPrepare) }.ConnectionString);

    public async ValueTask<TimeSpan?> TakeAsync(string key, PullAllowance allowance, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(TakeSql);
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("interval", allowance.Interval);
        command.Parameters.AddWithValue("window", allowance.Window);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return reader.GetBoolean(0) ? null : TimeSpan.FromSeconds(Math.Max(0, reader.GetDouble(1)));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(SweepInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var command = _dataSource.CreateCommand(SweepSql);
                await command.ExecuteNonQueryAsync(stoppingToken);
            }
            catch (NpgsqlException e)
            {
                logger.LogWarning(e, "Sweeping full pull-rate buckets failed; will retry");
            }
        }
    }

    public override void Dispose()
    {
        _dataSource.Dispose();
        base.Dispose();
    }
}
