using Busetting.TestKit;

namespace Busetting.Cli.Tests;

/// <summary>
/// The commands a planner reads speak Norwegian: Bokmål by default, Nynorsk with --lang nn, with no English word and no
/// code name (the web language crawl's word list, <see cref="EnglishText"/>) — the data notes included.
/// </summary>
public class NorwegianOutputTests
{
    private static readonly string Actual2022 = Path.Combine(ShippedData, "imdi_nokkeltall_bosetting_2022.csv");

    private static string[] Backtest => ["backtest", "--year", "2022", "--need", "35000", "--em", "0", "--actual", Actual2022, "--data", ShippedData];

    private static string[] Revise => ["revise", "--year", "2025", "--from-need", "18900", "--need", "12640", "--agree", "4601=559", "--agree", "4640=60",
        "--decided", "0301=900", "--decided", "5001=300", "--show", "4601", "0301", "--data", ShippedData];

    // The table goes to a file: the summary and the notes on standard error are read (the table's rule names: CommandsNorwegianTests).
    private static string[] Allocate => ["allocate", "--year", "2025", "--need", "18900", "--em", "750", "--data", ShippedData, "--out", Path.Combine(Path.GetTempPath(), $"fordeling-{Guid.NewGuid():N}.txt")];

    public static TheoryData<string> Commands => new() { "backtest", "revise", "allocate" };

    private static string[] Command(string name) => name switch
    {
        "backtest" => Backtest,
        "revise" => Revise,
        _ => Allocate,
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Output_Default_BokmaalWithNoEnglish(string name)
    {
        var (code, output, error) = Run(Command(name));
        Assert.True(code == 0, error);
        Assert.Empty(EnglishText.ProblemsIn(output + "\n" + error));
        Assert.Contains("kommuner", output + error, StringComparison.Ordinal);
        Assert.DoesNotContain("kommunar", output + error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Output_LangNn_NynorskWithNoEnglish(string name)
    {
        var (code, output, error) = Run([.. Command(name), "--lang", "nn"]);
        Assert.True(code == 0, error);
        Assert.Empty(EnglishText.ProblemsIn(output + "\n" + error));
        Assert.Contains("kommunar", output + error, StringComparison.Ordinal);
        Assert.DoesNotContain("kommuner", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public void Backtest_Notes_SaidInNorwegianOnStandardError()
    {
        var (_, _, error) = Run(Backtest);
        // The criterion without data and where its weight went; the knowledge date; an indicator with values missing.
        Assert.Contains("har ingen data (indikatoren er ikke importert for noe år før fordelingsåret): vekten på 30 % er flyttet til Muligheter for arbeid.", error);
        Assert.Contains("merknad: Kunnskapsdato 1. mars 2022: bare tall som var kjent da, er brukt.", error);
    }

    [Fact]
    public void Allocate_NegativeNeed_ErrorSaidInNorwegian_EnglishAsTechnical()
    {
        var (code, _, error) = Run("allocate", "--year", "2025", "--need", "-5", "--em", "0", "--data", ShippedData);
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.StartsWith("feil: Behovet må være et helt antall personer større enn null (fikk −5).", error, StringComparison.Ordinal);
        Assert.Contains("  teknisk: need must be a positive number of persons, got -5", error, StringComparison.Ordinal);
    }
}
