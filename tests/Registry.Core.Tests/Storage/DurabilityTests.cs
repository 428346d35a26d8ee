using Gallery.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Data;
using Registry.Core.Storage;

namespace Registry.Core.Tests.Storage;

/// <summary>What a push's acknowledgement rests on: SQLite syncs each commit, and a directory can be synced after a rename.</summary>
public sealed class DurabilityTests(SqliteRegistryFixture fixture) : IClassFixture<SqliteRegistryFixture>
{
    [Fact]
    public async Task Sqlite_syncs_every_commit()
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA synchronous";
        Assert.Equal(2L, await command.ExecuteScalarAsync()); // FULL: the write-ahead log is synced at every commit
    }

    [Fact]
    public void A_directory_is_synced_and_a_missing_one_is_an_error()
    {
        using var temp = new TempDirectory("sync");
        DirectorySync.Flush(temp.Path);
        Assert.Throws<IOException>(() => DirectorySync.Flush(temp.Sub("missing")));
    }
}
