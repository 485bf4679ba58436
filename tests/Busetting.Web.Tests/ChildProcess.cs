using System.Diagnostics;
using System.Text;

namespace Busetting.Web.Tests;

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
