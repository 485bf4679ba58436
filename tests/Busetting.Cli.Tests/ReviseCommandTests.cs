using System.Text.RegularExpressions;

namespace Busetting.Cli.Tests;

/// <summary>`revise` on the shipped data: agreements scaled, both revisions meet the new need, minimum change never moves more.</summary>
public partial class ReviseCommandTests
{
    [Fact]
    public void Revise_18900To12640_AgreementsScaled_BothSumToTheNeed_MinimumChangeMovesNoMore()
    {
        var (code, output, error) = Run("revise", "--year", "2025", "--from-need", "18900", "--need", "12640", "--agree", "4601=559", "--agree", "4640=60",
            "--decided", "0301=900", "--show", "4601", "0301", "--data", ShippedData);
        Assert.True(code == 0, error);
        // 559 × 12 640 / 18 900 = 373.85 → 374; 60 × 12 640 / 18 900 = 40.13 → 40.
        Assert.Contains("avtale 4601: 559 → 374", output);
        Assert.Contains("avtale 4640: 60 → 40", output);
        var moved = Moved().Matches(output).ToDictionary(m => m.Groups["mode"].Value,
            m => int.Parse(m.Groups["reference"].Value.Replace("\u00A0", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2, moved.Count);
        Assert.True(moved["Minst mulig endring"] <= moved["Full ny beregning"], output);
        Assert.Matches(@"4601 Bergen\s+559\s+374\s+374", output);
    }

    [Fact]
    public void Revise_BadAgreement_InvalidNamingTheOption()
    {
        var (code, _, error) = Run("revise", "--year", "2025", "--from-need", "18900", "--need", "12640", "--agree", "Bergen=559", "--data", ShippedData);
        Assert.Equal(2, code);
        Assert.StartsWith("feil: --agree «Bergen=559» må skrives KOMMUNENUMMER=PERSONER, for eksempel 4601=519.", error, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?<mode>Full ny beregning|Minst mulig endring): sum 12\u00A0640, .* og (?<reference>[\d\u00A0]+) fra referansene")]
    private static partial Regex Moved();
}
