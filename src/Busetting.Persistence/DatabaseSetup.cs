using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;

namespace Busetting.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Chooses the provider from the connection string's name: "Sqlite" (default) or "Postgres".</summary>
public static class DatabaseSetup
{
    public static IServiceCollection AddBusettingDb(this IServiceCollection services, DatabaseProvider provider, string connectionString)
    {
        return provider switch
        {
            DatabaseProvider.Sqlite => services.AddDbContext<BusettingDb, SqliteBusettingDb>(o => o.UseSqlite(connectionString)),
            DatabaseProvider.Postgres => services.AddDbContext<BusettingDb, PostgresBusettingDb>(o => o.UseNpgsql(connectionString)),
        };
    }
}

/// <summary>Design-time factory for `dotnet ef migrations add … --context SqliteBusettingDb`.</summary>
public sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteBusettingDb>
{
    public SqliteBusettingDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteBusettingDb>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>Design-time factory for `dotnet ef migrations add … --context PostgresBusettingDb` (no server needed).</summary>
public sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresBusettingDb>
{
    public PostgresBusettingDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresBusettingDb>().UseNpgsql("Host=localhost;Database=design").Options);
}
