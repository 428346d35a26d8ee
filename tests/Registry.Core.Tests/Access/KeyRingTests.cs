using System.Security.Cryptography;
using Gallery.Testing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Access.KeyRing;
using Registry.Core.Data;

namespace Registry.Core.Tests.Access;

/// <summary>
/// The data-protection key ring (which protects token signing keys and access-key secrets) is stored encrypted with a
/// key file outside the database: reading the table gives no key; an install whose ring was stored in clear keeps its
/// keys, now encrypted; a database with another node's key file is refused.
/// </summary>
public sealed class KeyRingTests : IAsyncLifetime
{
    private const string Purpose = "KeyRingTests";
    private TestDatabase? _database;

    private TestDatabase Database => _database!;

    private string KeyFile => Path.Combine(Database.DataPath, KeyRingOptions.DefaultFileName);

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await Database.DisposeAsync();

    [Fact]
    public async Task The_table_holds_no_key_in_clear_and_the_key_file_is_the_owners_alone()
    {
        await using (var host = await RegistryHost.StartAsync(Database))
        {
            // The bootstrap access key's secret was protected at start; a token proves the ring works.
            using var token = await host.Client.GetAsync("/v2/tests/keyring/tags/list");
            Assert.NotEqual(System.Net.HttpStatusCode.Unauthorized, token.StatusCode);
        }

        var rows = await ReadKeyRingAsync();
        Assert.NotEmpty(rows);
        Assert.All(rows, xml =>
        {
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("unencrypted", xml, StringComparison.Ordinal);
            Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
            Assert.Contains(typeof(KeyFileXmlDecryptor).FullName!, xml, StringComparison.Ordinal);
        });
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyFile));
        }
    }

    [Fact]
    public async Task A_ring_stored_in_clear_by_an_earlier_version_is_encrypted_at_start_and_keeps_working()
    {
        await using (await RegistryHost.StartAsync(Database))
        {
        }

        // An earlier version's ring: no encryptor, keys in clear in the same table; a secret protected with it.
        await ExecuteAsync(db => db.DataProtectionKeys.ExecuteDeleteAsync());
        string protectedSecret;
        await using (var earlier = EarlierVersion())
        {
            protectedSecret = earlier.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Protect("the secret");
        }

        Assert.Contains(await ReadKeyRingAsync(), xml => xml.Contains("<masterKey", StringComparison.Ordinal));

        await using (var host = await RegistryHost.StartAsync(Database))
        {
            Assert.All(await ReadKeyRingAsync(), xml => Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal));
            var protector = host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
            Assert.Equal("the secret", protector.Unprotect(protectedSecret));
        }
    }

    [Fact]
    public async Task Another_key_file_is_refused_at_start_with_the_setting_named()
    {
        await using (await RegistryHost.StartAsync(Database))
        {
        }

        await File.WriteAllTextAsync(KeyFile, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));

        var refused = await Assert.ThrowsAsync<KeyRingException>(() => RegistryHost.StartAsync(Database));
        Assert.StartsWith("Gallery:KeyRing:KeyFile: the key ring in the database was encrypted with another key file", refused.Message, StringComparison.Ordinal);
    }

    private ServiceProvider EarlierVersion()
    {
        var services = new ServiceCollection();
        var connectionString = RegistryDatabase.SqliteConnectionString(Database.DataPath);
        services.AddDbContext<RegistryDbContext, SqliteRegistryDbContext>(o => RegistryDatabase.ConfigureSqlite(o, connectionString));
        services.AddDataProtection().SetApplicationName("Gallery").PersistKeysToDbContext<RegistryDbContext>();
        return services.BuildServiceProvider();
    }

    private async Task<List<string>> ReadKeyRingAsync()
    {
        List<string> rows = [];
        await ExecuteAsync(async db => rows = await db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml ?? "").ToListAsync());
        return rows;
    }

    private async Task ExecuteAsync(Func<RegistryDbContext, Task> work)
    {
        var options = new DbContextOptionsBuilder<SqliteRegistryDbContext>();
        RegistryDatabase.ConfigureSqlite(options, RegistryDatabase.SqliteConnectionString(Database.DataPath));
        await using var db = new SqliteRegistryDbContext(options.Options);
        await work(db);
    }
}
