using System.Diagnostics;

namespace Busetting.Web.Tests;

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
