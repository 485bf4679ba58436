using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace Busetting.Web.Tests;

/// <summary>The fault drills need PostgreSQL's server binaries (initdb, pg_ctl, pg_dump) and the shared test server.</summary>
public sealed class DrillFactAttribute : FactAttribute
{
    public DrillFactAttribute()
    {
        if (!WebApp.PostgresAvailable)
        {
            Skip = $"{WebApp.PostgresVariable} is not set (scripts/test.sh and .ci/run start PostgreSQL 15 and set it)";
        }
        else if (ThrowawayPostgres.Bin is null)
        {
            Skip = "PostgreSQL server binaries not installed (apt-get install postgresql)";
        }
    }
}

/// <summary>Small helpers shared by the drills.</summary>
public static class Drill
{
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The repository's root (where Busetting.slnx is).</summary>
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Busetting.slnx")))
                {
                    return dir.FullName;
                }
            }
            throw new InvalidOperationException("Busetting.slnx not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>A built entry assembly of this test run's configuration (Debug or Release): the web app or the CLI.</summary>
    public static string Built(string project, string assembly)
    {
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var candidates = new[]
        {
            Path.Combine(Root, "src", project, "bin", configuration, "net10.0", "linux-x64", assembly + ".dll"),
            Path.Combine(Root, "src", project, "bin", configuration, "net10.0", assembly + ".dll"),
        };
        return candidates.FirstOrDefault(File.Exists) ?? throw new FileNotFoundException($"{project} is not built: {string.Join(", ", candidates)}");
    }

    /// <summary>A context on a PostgreSQL database, for the drills' own checks.</summary>
    /// <remarks>Under its own application name, so the drill's checks are never mistaken for the process under test.</remarks>
    public static BusettingDb Db(string connectionString) =>
        new PostgresBusettingDb(new DbContextOptionsBuilder<PostgresBusettingDb>()
            .UseNpgsql(new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = "drill-observer" }.ConnectionString).Options);

    public static async Task<T> Query<T>(string connectionString, Func<BusettingDb, Task<T>> query)
    {
        await using var db = Db(connectionString);
        return await query(db);
    }

    /// <summary>Polls until <paramref name="condition"/> holds; fails with <paramref name="what"/> after <paramref name="timeout"/>.</summary>
    public static async Task Until(Func<Task<bool>> condition, TimeSpan timeout, string what, int everyMs = 50)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(watch.Elapsed < timeout, $"timed out after {timeout.TotalSeconds:0} s waiting for: {what}");
            await Task.Delay(everyMs);
        }
    }

    /// <summary>
    /// Holds an EXCLUSIVE lock on a table in an open transaction: reads go on, inserts wait. A writer that reaches
    /// the table is then stopped in the middle of its transaction, where the drill kills it.
    /// </summary>
    public static async Task<NpgsqlTransaction> LockTable(NpgsqlConnection connection, string table)
    {
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand($"LOCK TABLE \"{table}\" IN EXCLUSIVE MODE", connection, transaction);
        await command.ExecuteNonQueryAsync();
        return transaction;
    }

    /// <summary>Whether a session of <paramref name="applicationName"/> is waiting for a lock on that table (an INSERT into it).</summary>
    public static async Task<bool> WaitsOnInsert(string serverConnectionString, string applicationName, string table)
    {
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = @app AND wait_event_type = 'Lock' AND query ILIKE @insert", connection);
        command.Parameters.AddWithValue("app", applicationName);
        command.Parameters.AddWithValue("insert", $"%INSERT INTO \"{table}\"%");
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    /// <summary>How many server sessions of <paramref name="applicationName"/> wait for a lock.</summary>
    public static async Task<long> LockWaits(string serverConnectionString, string applicationName)
    {
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE application_name = @app AND wait_event_type = 'Lock'", connection);
        command.Parameters.AddWithValue("app", applicationName);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Whether any server session of <paramref name="applicationName"/> is still there (a killed client's backend lingers until it notices).</summary>
    public static async Task<bool> HasSessions(string serverConnectionString, string applicationName)
    {
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE application_name = @app", connection);
        command.Parameters.AddWithValue("app", applicationName);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    /// <summary>A new, empty database on the shared test server; dropped by <see cref="DropDatabase"/>.</summary>
    public static string NewDatabase(string applicationName)
    {
        var server = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(WebApp.PostgresVariable));
        return new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = $"busetting_drill_{Guid.NewGuid():N}", ApplicationName = applicationName }.ConnectionString;
    }

    public static void DropDatabase(string connectionString)
    {
        NpgsqlConnection.ClearAllPools();
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        var server = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", ApplicationName = "drill-cleanup" };
        using var connection = new NpgsqlConnection(server.ConnectionString);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }

    /// <summary>The same server, database "postgres" (for pg_stat_activity).</summary>
    public static string Server(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", ApplicationName = "drill-observer" }.ConnectionString;
}
