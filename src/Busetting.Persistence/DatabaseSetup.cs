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
    /// <param name="retries">PostgreSQL: how often a statement or unit of work is retried after a transient failure
    /// (Npgsql's retrying execution strategy), with exponential back-off up to <paramref name="maxRetryDelay"/>;
    /// short, so a request waits seconds, not minutes, before it answers 503 (docs/adr/0011).</param>
    public static IServiceCollection AddBusettingDb(this IServiceCollection services, DatabaseProvider provider, string connectionString,
        int retries = DefaultRetries, TimeSpan? maxRetryDelay = null)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddDbContextFactory<SqliteBusettingDb>(o => o.UseSqlite(connectionString));
                services.AddScoped<BusettingDb>(sp => sp.GetRequiredService<SqliteBusettingDb>());
                services.AddSingleton<IDbContextFactory<BusettingDb>>(sp => new Factory<SqliteBusettingDb>(sp.GetRequiredService<IDbContextFactory<SqliteBusettingDb>>()));
                break;
            case DatabaseProvider.Postgres:
                services.AddDbContextFactory<PostgresBusettingDb>(o => o.UseNpgsql(connectionString, n => n.EnableRetryOnFailure(retries, maxRetryDelay ?? DefaultMaxRetryDelay, null)));
                services.AddScoped<BusettingDb>(sp => sp.GetRequiredService<PostgresBusettingDb>());
                services.AddSingleton<IDbContextFactory<BusettingDb>>(sp => new Factory<PostgresBusettingDb>(sp.GetRequiredService<IDbContextFactory<PostgresBusettingDb>>()));
                break;
        }
        return services;
    }

    public const int DefaultRetries = 4;

    public static readonly TimeSpan DefaultMaxRetryDelay = TimeSpan.FromSeconds(2);

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
