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

    /// <summary>Scaled: 22 × 230 / 350 = 14.46 → 14 (persons 559 × 12 640 / 18 900 → 374), in both revisions; kept: 22 stay.</summary>
    [Theory]
    [InlineData("scale", 374, 14)]
    [InlineData("keep", 559, 22)]
    public void Revise_EmNeedCut_AgreedEmFollowTheTreatmentAndAreShownBeforeAfter(string treatment, int persons, int em)
    {
        var (code, output, error) = Revise(treatment);

        Assert.True(code == 0, error);
        Assert.Contains($"avtale 4601: 559 → {persons}, EM 22 → {em}", output);
        Assert.Matches($@"4601 Bergen\s+559\s+{persons}\s+{persons}\s+22\s+{em}\s+{em}", output);
    }

    [Fact]
    public void Revise_EmWithoutAnAgreement_InvalidNamingTheOption()
    {
        var (code, _, error) = CommandLine.Run("revise", "--year", "2025", "--from-need", "18900", "--need", "12640", "--from-em", "350", "--em", "230",
            "--agree-em", "4601=22", "--data", CommandLine.ShippedData);

        Assert.Equal(2, code);
        Assert.StartsWith("feil: --agree-em 4601 trenger også --agree for 4601 (personene i avtalen).", error, StringComparison.Ordinal);
        Assert.Contains("  teknisk: --agree-em 4601 needs an --agree for 4601", error, StringComparison.Ordinal);
    }
}
