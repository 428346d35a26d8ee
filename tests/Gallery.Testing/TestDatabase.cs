using Npgsql;
using Registry.Core;

namespace Gallery.Testing;

/// <summary>
/// A throwaway database and data directory for one test fixture: a SQLite file in a temp directory, or a fresh
/// database on the PostgreSQL server named by <c>GALLERY_TEST_POSTGRES</c> (which the test script starts).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "GALLERY_TEST_POSTGRES";

    private readonly string? _adminConnectionString;
    private readonly string? _databaseName;

    private TestDatabase(DatabaseProvider provider, string dataPath, string? connectionString, string? adminConnectionString, string? databaseName)
    {
        Provider = provider;
        DataPath = dataPath;
        ConnectionString = connectionString;
        _adminConnectionString = adminConnectionString;
        _databaseName = databaseName;
    }

    public DatabaseProvider Provider { get; }

    public string DataPath { get; }

    public string? ConnectionString { get; }

    /// <summary>Configuration for a host that uses this database (and the test publisher), in the names README documents.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(TestPublisher.Settings)
    {
        ["Gallery:DataPath"] = DataPath,
        ["Gallery:Database:Provider"] = Provider.ToString(),
        ["ConnectionStrings:Registry"] = ConnectionString,
    };

    /// <summary>The same settings as environment variables, for a server started as a separate process.</summary>
    public IReadOnlyDictionary<string, string?> EnvironmentVariables =>
        Settings.ToDictionary(kv => kv.Key.Replace(":", "__", StringComparison.Ordinal), kv => kv.Value);

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "gallery-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataPath);
        if (provider == DatabaseProvider.Sqlite)
        {
            return new TestDatabase(provider, dataPath, null, null, null);
        }

        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            throw new InvalidOperationException(
                $"PostgreSQL tests need {PostgresVariable} (an admin connection string). Run ./test.sh, which starts a throwaway PostgreSQL cluster and sets it.");
        }

        var name = $"gallery_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        return new TestDatabase(provider, dataPath, connectionString, admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_adminConnectionString is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_adminConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }

        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a stopping server; the temp directory is cleaned by the OS.
        }
    }
}
