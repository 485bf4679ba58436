using Busetting.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Busetting.TestKit;

/// <summary>
/// A fresh, empty database of one test's own: a temporary SQLite file, or a new database in the PostgreSQL server named
/// by <see cref="PostgresVariable"/> (scripts/test.sh starts one on 127.0.0.1:55432). Deleted or dropped on dispose.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public const string PostgresVariable = "BUSETTING_TEST_POSTGRES";

    private readonly string? _postgresDatabase;

    public TestDatabase(DatabaseProvider provider)
    {
        Provider = provider;
        if (provider == DatabaseProvider.Sqlite)
        {
            SqliteFile = Path.Combine(Path.GetTempPath(), $"busetting-test-{Guid.NewGuid():N}.db");
            ConnectionString = $"Data Source={SqliteFile}";
        }
        else
        {
            var server = Environment.GetEnvironmentVariable(PostgresVariable)
                ?? throw new InvalidOperationException($"{PostgresVariable} is not set");
            _postgresDatabase = $"busetting_test_{Guid.NewGuid():N}";
            ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = _postgresDatabase }.ConnectionString;
        }
    }

    public static bool PostgresAvailable => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(PostgresVariable));

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The SQLite file (SQLite only), for tools that open the same database.</summary>
    public string? SqliteFile { get; }

    public void Dispose()
    {
        if (SqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { SqliteFile, SqliteFile + "-wal", SqliteFile + "-shm" })
            {
                File.Delete(file);
            }
        }
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            var server = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(PostgresVariable)) { Database = "postgres" };
            using var connection = new NpgsqlConnection(server.ConnectionString);
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
        }
    }
}
