using System.Diagnostics;
using System.Text.Json;

namespace Busetting.Web.Tests;

/// <summary>
/// The public OpenAPI document passes Redocly's recommended rules (issue 16, item 12). Redocly CLI comes from npm with
/// this project's build (package.json beside this file); without it the test fails, it is never skipped.
/// </summary>
public class OpenApiLintTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task PublicDocument_RedoclyRecommendedRules_NoErrorsNoWarnings()
    {
        var file = Path.Combine(Path.GetTempPath(), $"busetting-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, await new Session(app).Html("/openapi/v1.json"));
        try
        {
            var (exit, output, messages) = await Redocly("lint", file, "--extends=recommended", "--format=json");
            Assert.True(output.Contains('{', StringComparison.Ordinal), $"redocly lint wrote no report (exit {exit}):\n{messages}");
            var report = JsonDocument.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..]).RootElement;
            var problems = report.GetProperty("problems").EnumerateArray()
                .Select(p => $"{p.GetProperty("severity").GetString()} {p.GetProperty("ruleId").GetString()} at {Pointer(p)}: {p.GetProperty("message").GetString()}")
                .Where(p => !Accepted.Contains(p)).ToList();
            Assert.True(exit == 0 && problems.Count == 0, $"redocly lint: exit {exit}\n{string.Join('\n', problems)}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// The one warning kept, on purpose: listing the years has no request to refuse and no year to miss, so it has no
    /// 4XX answer to document (the server never sends one; inventing a 400 would mislead a generated client).
    /// </summary>
    private static readonly HashSet<string> Accepted =
    [
        "warn operation-4xx-response at #/paths/~1api~1v1~1years/get/responses: Operation must have at least one `4XX` response.",
    ];

    private static string Pointer(JsonElement problem) =>
        problem.GetProperty("location").EnumerateArray().Select(l => l.GetProperty("pointer").GetString()).FirstOrDefault() ?? "";

    /// <summary>Runs the project's own Redocly CLI (node_modules/.bin; no telemetry, no update check) and returns its exit code, standard output and standard error.</summary>
    private static async Task<(int Exit, string Output, string Messages)> Redocly(params string[] arguments)
    {
        var cli = Path.Combine(Drill.Root, "tests", "Busetting.Web.Tests", "node_modules", "@redocly", "cli", "bin", "cli.js");
        Assert.True(File.Exists(cli), $"Redocly CLI missing at {cli}: the test project's build installs it (npm ci in tests/Busetting.Web.Tests).");
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(cli);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await errors);
    }
}
