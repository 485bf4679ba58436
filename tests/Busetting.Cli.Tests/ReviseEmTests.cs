namespace Busetting.Cli.Tests;

/// <summary>
/// `revise` with EM (issue 16, item 1): Bergen's agreement holds 22 EM under the EM need 350; revised to 230 EM, the EM
/// part follows the agreement's treatment and the --show lines give the EM before and after.
/// </summary>
public class ReviseEmTests
{
    private static (int Code, string Output, string Error) Revise(string treatment) =>
        CommandLine.Run("revise", "--year", "2025", "--from-need", "18900", "--need", "12640", "--from-em", "350", "--em", "230",
            "--agree", "4601=559", "--agree-em", "4601=22", "--treatment", treatment, "--show", "4601", "--data", CommandLine.ShippedData);

    [Fact]
    public void Revise_EmNeedCut_AgreedEmScaledAndShownBeforeAfter()
    {
        var (code, output, error) = Revise("scale");

        Assert.True(code == 0, error);
        // 22 × 230 / 350 = 14.46 → 14, in both revisions.
        Assert.Contains("agreement 4601: 559 → 374, EM 22 → 14", output);
        Assert.Matches(@"4601 Bergen\s+559\s+374\s+374\s+22\s+14\s+14", output);
    }

    [Fact]
    public void Revise_AgreementKept_EmKept()
    {
        var (code, output, error) = Revise("keep");

        Assert.True(code == 0, error);
        Assert.Contains("agreement 4601: 559 → 559, EM 22 → 22", output);
        Assert.Matches(@"4601 Bergen\s+559\s+559\s+559\s+22\s+22\s+22", output);
    }

    [Fact]
    public void Revise_EmWithoutAnAgreement_InvalidNamingTheOption()
    {
        var (code, _, error) = CommandLine.Run("revise", "--year", "2025", "--from-need", "18900", "--need", "12640", "--from-em", "350", "--em", "230",
            "--agree-em", "4601=22", "--data", CommandLine.ShippedData);

        Assert.Equal(2, code);
        Assert.Contains("--agree-em 4601 needs an --agree for 4601", error);
    }
}
