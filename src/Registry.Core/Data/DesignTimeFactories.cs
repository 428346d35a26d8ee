using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Registry.Core.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build each provider's context without a host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteRegistryDbContext>
{
    public SqliteRegistryDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteRegistryDbContext>();
        RegistryDatabase.ConfigureSqlite(builder, "Data Source=design-time.db");
        return new SqliteRegistryDbContext(builder.Options);
    }
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresRegistryDbContext>
{
    public PostgresRegistryDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresRegistryDbContext>();
        RegistryDatabase.ConfigurePostgres(builder, "Host=localhost;Database=design_time");
        return new PostgresRegistryDbContext(builder.Options);
    }
}
