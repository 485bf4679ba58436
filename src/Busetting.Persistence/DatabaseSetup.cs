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
    /// <summary>
    /// Registers a scoped <see cref="BusettingDb"/> (for ASP.NET Core Identity) and a factory, so that each service
    /// instance can own a context: Blazor renders several components of one request concurrently, and a DbContext
    /// must never be used by two operations at once.
    /// </summary>
    public static IServiceCollection AddBusettingDb(this IServiceCollection services, DatabaseProvider provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddDbContextFactory<SqliteBusettingDb>(o => o.UseSqlite(connectionString));
                services.AddScoped<BusettingDb>(sp => sp.GetRequiredService<SqliteBusettingDb>());
                services.AddSingleton<IDbContextFactory<BusettingDb>>(sp => new Factory<SqliteBusettingDb>(sp.GetRequiredService<IDbContextFactory<SqliteBusettingDb>>()));
                break;
            case DatabaseProvider.Postgres:
                services.AddDbContextFactory<PostgresBusettingDb>(o => o.UseNpgsql(connectionString));
                services.AddScoped<BusettingDb>(sp => sp.GetRequiredService<PostgresBusettingDb>());
                services.AddSingleton<IDbContextFactory<BusettingDb>>(sp => new Factory<PostgresBusettingDb>(sp.GetRequiredService<IDbContextFactory<PostgresBusettingDb>>()));
                break;
        }
        return services;
    }

    private sealed class Factory<T>(IDbContextFactory<T> inner) : IDbContextFactory<BusettingDb>
        where T : BusettingDb
    {
        public BusettingDb CreateDbContext() => inner.CreateDbContext();
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
