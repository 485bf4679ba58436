extern alias cli;

using cli::Busetting.Cli;

namespace Busetting.Web.Tests;

/// <summary>`busetting letters` on the application's own SQLite database.</summary>
public class CliLettersTests
{
    private static (int Exit, string Output, string Error) Cli(params string[] args) =>
        Busetting.TestKit.Captured.Run((output, error) => BusettingCli.Run(args, output, error));

    [Fact]
    public async Task Letters_ApprovedYear_MadeZippedAndSent()
    {
        using var app = new SqliteApp();
        await Steps.Publish(app, await Session.SignIn(app, Users.Planner));
        var outbox = Path.Combine(app.Outbox, "cli");
        var zip = Path.Combine(Path.GetTempPath(), $"busetting-{Guid.NewGuid():N}.zip");
        try
        {
            var (exit, output, error) = Cli("letters", "--year", "2025", "--database", app.SqliteFile!, "--zip", zip, "--send", "--outbox", outbox);
            Assert.True(exit == 0, error);
            var asked = await app.Db(db => db.Letters.CountAsync());
            Assert.Contains("2025 Anmodning: fordeling nr. ", output);
            Assert.Matches($@": {asked} laget, 0 uendret, \d+ uten brev på \d+,\d\d s", output);
            Assert.Contains($"ZIP-fil: {zip}", output);
            Assert.Contains($"sendte {asked} brev til ", output);
            Assert.Empty(Busetting.TestKit.EnglishText.ProblemsIn(output.Split('\n')[0]));
            Assert.True(new FileInfo(zip).Length > 0);
            Assert.Equal(asked, Directory.GetFiles(Path.Combine(outbox, "2025")).Length);
            Assert.Contains("Brev 2025", error); // the progress bar's label

            var second = Cli("letters", "--year", "2025", "--database", app.SqliteFile!, "--lang", "nn");
            Assert.Contains("2025 Oppmoding: fordeling nr. ", second.Output);
            Assert.Matches($@": 0 laga, {asked} uendra, \d+ utan brev på ", second.Output);
            // The municipalities left out are said in Nynorsk too.
            Assert.Contains(": ikkje oppmoda i køyring #", second.Output);
            Assert.DoesNotContain("ikke anmodet", second.Output);
        }
        finally
        {
            File.Delete(zip);
        }
    }

    [Fact]
    public async Task Letters_DraftYear_ExitInvalidWithReason()
    {
        using var app = new SqliteApp();
        await Steps.RunAllocation(app, await Session.SignIn(app, Users.Planner));
        var (exit, _, error) = Cli("letters", "--year", "2025", "--database", app.SqliteFile!);
        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("2025 er ikke godkjent (status: utkast)", error);
        Assert.Equal(0, await app.Db(db => db.Letters.CountAsync()));
    }

    [Fact]
    public void Letters_NoDatabase_ExitNotFoundWithHint()
    {
        var (exit, _, error) = Cli("letters", "--year", "2025", "--database", "/tmp/finst-ikkje.db");
        Assert.Equal(ExitCodes.NotFound, exit);
        Assert.StartsWith("feil: ingen database i /tmp/finst-ikkje.db: start webapplikasjonen én gang", error, StringComparison.Ordinal);
        var nn = Cli("letters", "--year", "2025", "--database", "/tmp/finst-ikkje.db", "--lang", "nn");
        Assert.StartsWith("feil: ingen database i /tmp/finst-ikkje.db: start webapplikasjonen éin gong", nn.Error, StringComparison.Ordinal);
    }
}
