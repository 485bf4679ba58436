using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Busetting.Persistence;
using Microsoft.EntityFrameworkCore;
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

/// <summary>
/// A PostgreSQL cluster of the drill's own — initdb + pg_ctl, loopback only, a free port, data under /tmp/drills-* —
/// that the drill may stop, start and throw away. The shared test server is never stopped.
/// </summary>
public sealed class ThrowawayPostgres : IDisposable
{
    public static string? Bin => Directory.Exists("/usr/lib/postgresql")
        ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderBy(d => d, StringComparer.Ordinal).LastOrDefault()
        : null;

    public ThrowawayPostgres()
    {
        Port = Drill.FreePort();
        Directory.CreateDirectory(Folder);
        try
        {
            if (Environment.UserName == "root")
            {
                Shell("chown", "postgres", Folder);
            }
            As($"{Bin}/initdb -D {Folder}/data -A trust -U postgres -E UTF8 --locale=C.UTF-8 > {Folder}/initdb.log 2>&1");
            Start();
        }
        catch
        {
            Dispose(); // no cluster or folder left behind when the start fails
            throw;
        }
    }

    public string Folder { get; } = $"/tmp/drills-{Guid.NewGuid():N}";

    public int Port { get; }

    public string ConnectionString(string database, string applicationName = "drill") =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Application Name={applicationName}";

    public void Start() =>
        As($"{Bin}/pg_ctl -D {Folder}/data -l {Folder}/server.log -w -o \"-c listen_addresses=127.0.0.1 -p {Port} -k {Folder} -c fsync=off\" start > /dev/null");

    /// <summary>Stops the server the way an operator or a failover does: "fast" ends every session at once.</summary>
    public void Stop() => As($"{Bin}/pg_ctl -D {Folder}/data -m fast -w stop > /dev/null");

    /// <summary>Runs a PostgreSQL tool (pg_dump, pg_restore, createdb) as the postgres user; fails with its output.</summary>
    public static string Tool(string commandLine) => As(commandLine);

    public void Dispose()
    {
        try
        {
            As($"{Bin}/pg_ctl -D {Folder}/data -m immediate -w stop > /dev/null 2>&1 || true");
        }
        finally
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    private static string As(string commandLine) =>
        Environment.UserName == "root" ? Shell("su", "postgres", "-s", "/bin/bash", "-c", commandLine) : Shell("bash", "-c", commandLine);

    private static string Shell(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', arguments)}: exit {process.ExitCode}\n{output.Result}\n{error.Result}");
        return output.Result;
    }
}

/// <summary>
/// The built web application (or the CLI) as a child process of the test, so that a drill can SIGKILL it in the
/// middle of its work and start it again. Only this process is ever killed, by its own id.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private readonly StringBuilder _output = new();
    private readonly Process _process;

    private ChildProcess(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Pid = _process.Id;
    }

    public int Pid { get; }

    public Uri? BaseAddress { get; private init; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts the web application on <paramref name="connectionString"/> and waits until /health answers.</summary>
    public static async Task<ChildProcess> Web(string connectionString, string outbox)
    {
        var port = Drill.FreePort();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.Combine(Drill.Root, "src", "Busetting.Web") };
        start.ArgumentList.Add(Drill.Built("Busetting.Web", "Busetting.Web"));
        var env = start.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Testing";
        env["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        env["Database__Provider"] = "Postgres";
        env["ConnectionStrings__Busetting"] = connectionString;
        env["Data__Folder"] = Path.Combine(Drill.Root, "data");
        env["Demo__Enabled"] = "true";
        env["Demo__Password"] = WebApp.Password;
        env["Demo__AuthenticatorKey"] = WebApp.AuthenticatorKey;
        env["Letters__Outbox"] = outbox;
        env["Letters__JobHeartbeat"] = "00:00:01";
        // The drills kill processes, not people: one planner steps the year (four eyes are tested in DialogueTests).
        env["Planning__FourEyes"] = "false";
        env["RateLimit__LoginPerMinute"] = "10000";
        var child = new ChildProcess(start) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        using var http = new HttpClient { BaseAddress = child.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        await Drill.Until(async () =>
        {
            Assert.False(child.HasExited, "the web application exited at start:\n" + child.Output);
            try
            {
                return (await http.GetAsync("/health")).StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, TimeSpan.FromMinutes(3), "the web application to answer /health", everyMs: 250);
        return child;
    }

    /// <summary>Starts `busetting` (the CLI) with these arguments.</summary>
    public static ChildProcess Cli(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Drill.Root };
        start.ArgumentList.Add(Drill.Built("Busetting.Cli", "busetting"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["BUSETTING_DATA"] = Path.Combine(Drill.Root, "data");
        return new ChildProcess(start);
    }

    /// <summary>SIGKILL (Process.Kill sends SIGKILL on Linux): no shutdown code runs, as when the machine dies.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    public async Task<int> WaitForExit(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
