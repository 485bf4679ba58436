using Busetting.TestKit;

namespace Busetting.Cli.Tests;

/// <summary>
/// `need`, `import` and `explain` say what they did in Bokmål by default and in Nynorsk with --lang nn, with no English
/// word (<see cref="EnglishText"/>): the lines a planner reads after a run, and the errors they act on.
/// </summary>
public class CommandsNorwegianTests
{
    private static readonly string Settled2022 = Path.Combine(ShippedData, "imdi_nokkeltall_bosetting_2022.csv");

    private static string[] Need => ["need", "--persons", "12640", "--em", "230", "--previous", "18900", "--previous-em", "350"];

    private static string[] ImportDryRun => ["import", "nokkeltall", Settled2022, "--dry-run", "--data", ShippedData];

    [Fact]
    public void Need_Default_Bokmaal()
    {
        var (code, output, error) = Run(Need);
        Assert.True(code == 0, error);
        Assert.StartsWith("Behov: 12\u00A0640 personer, herav 230 enslige mindreårige (EM)", output, StringComparison.Ordinal);
        Assert.Contains("familiegjenforente, ikke regnet med: 0", output, StringComparison.Ordinal);
        Assert.Contains("Revisjon fra 18\u00A0900 (EM 350): endring −33,1 %", output, StringComparison.Ordinal);
        Assert.Contains("Over ±10 %: ny fordeling (justerte anmodninger) anbefales", output, StringComparison.Ordinal);
        Assert.DoesNotContain("personar", output, StringComparison.Ordinal);
        Assert.Empty(EnglishText.ProblemsIn(output));
    }

    [Fact]
    public void Need_LangNn_Nynorsk()
    {
        var (code, output, error) = Run([.. Need, "--lang", "nn"]);
        Assert.True(code == 0, error);
        Assert.StartsWith("Behov: 12\u00A0640 personar, av dei 230 einslege mindreårige (EM)", output, StringComparison.Ordinal);
        Assert.Contains("Revisjon frå 18\u00A0900", output, StringComparison.Ordinal);
        Assert.Contains("ny fordeling (justerte oppmodingar) blir tilrådd", output, StringComparison.Ordinal);
        Assert.DoesNotContain("personer", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nb", "feil: oppgi enten --persons (og --em), eller alle av --in-reception")]
    [InlineData("nn", "feil: gje anten --persons (og --em), eller alle av --in-reception")]
    public void Need_NeitherFigureNorForecast_NorwegianErrorNamingOptions(string lang, string expected)
    {
        var (code, _, error) = Run("need", "--quota", "3000", "--lang", lang);
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("give either", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_DryRun_Default_Bokmaal()
    {
        var (code, output, error) = Run(ImportDryRun);
        Assert.True(code == 0, error);
        Assert.Matches(@"^gyldig: \d+ kommuner for 2022: anmodet [\d\u00A0]+, vedtatt [\d\u00A0]+, bosatt [\d\u00A0]+ \(prøvekjøring: ingenting lagret\)", output);
        Assert.DoesNotContain("valid:", output, StringComparison.Ordinal);
        Assert.Empty(EnglishText.ProblemsIn(output));
    }

    [Fact]
    public void Import_DryRun_LangNn_Nynorsk()
    {
        var (code, output, error) = Run([.. ImportDryRun, "--lang", "nn"]);
        Assert.True(code == 0, error);
        Assert.Matches(@"^gyldig: \d+ kommunar for 2022: oppmoda [\d\u00A0]+, vedteke [\d\u00A0]+, busette [\d\u00A0]+ \(prøvekøyring: ingenting lagra\)", output);
    }

    [Fact]
    public void Import_JsonStatWithoutIndicator_NorwegianError()
    {
        var (code, _, error) = Run("import", "jsonstat", Settled2022, "--data", ShippedData, "--lang", "nn");
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("ingenting vart importert", error, StringComparison.Ordinal);
        Assert.Contains("feil: jsonstat treng --indicator (til dømes --indicator folketal)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_UnknownMunicipality_NorwegianError()
    {
        var (code, _, error) = Run("explain", "9999", "--year", "2025", "--need", "18900", "--em", "750", "--data", ShippedData, "--lang", "nn");
        Assert.Equal(ExitCodes.NotFound, code);
        Assert.Equal("feil: ingen kommune med nummer 9999 i dataa", error.Trim());
    }

    private static readonly string Missing = Path.Combine(Path.GetTempPath(), "finst-ikkje-" + Guid.NewGuid().ToString("N"));

    /// <summary>Errors the domain has no words for — the command line's own options and files — are said in Norwegian, naming the option or file.</summary>
    public static TheoryData<string[], int, string> ErrorsWithoutCatalogue => new()
    {
        { ["allocate", "--year", "2025", "--need", "18900", "--em", "750", "--data", Missing], ExitCodes.NotFound, $"feil: Fant ikke datamappen {Missing}: gi --data med en mappe som den leverte data/, eller sett BUSETTING_DATA." },
        { ["allocate", "--year", "2025", "--need", "18900", "--em", "750", "--data", Missing, "--lang", "nn"], ExitCodes.NotFound, $"feil: Fann ikkje datamappa {Missing}: gje --data med ei mappe som den leverte data/, eller set BUSETTING_DATA." },
        { ["allocate", "--year", "1990", "--need", "18900", "--em", "750", "--data", ShippedData], ExitCodes.InvalidInput, "feil: --year 1990 må være mellom 2000 og 2100." },
        { ["revise", "--year", "1990", "--from-need", "18900", "--need", "12640", "--data", ShippedData, "--lang", "nn"], ExitCodes.InvalidInput, "feil: --year 1990 må vere mellom 2000 og 2100." },
        { ["revise", "--year", "2025", "--from-need", "18900", "--need", "12640", "--agree", "4601=559", "--agree-em", "5001=3", "--data", ShippedData, "--lang", "nn"], ExitCodes.InvalidInput, "feil: --agree-em 5001 treng òg --agree for 5001 (personane i avtalen)." },
        { ["revise", "--year", "2025", "--from-need", "18900", "--need", "12640", "--decided", "0301:900", "--data", ShippedData], ExitCodes.InvalidInput, "feil: --decided «0301:900» må skrives KOMMUNENUMMER=PERSONER, for eksempel 4601=519." },
        { ["explain", "0301", "--year", "2025", "--need", "18900", "--em", "750", "--data", Missing], ExitCodes.NotFound, $"feil: Fant ikke datamappen {Missing}: gi --data med en mappe som den leverte data/, eller sett BUSETTING_DATA." },
    };

    [Theory]
    [MemberData(nameof(ErrorsWithoutCatalogue))]
    public void Error_WithoutCatalogueCode_SaidInNorwegian(string[] args, int exit, string expected)
    {
        var (code, _, error) = Run(args);
        Assert.Equal(exit, code);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
        // The option names are the command line's own (--year, --agree-em); every other word is Norwegian.
        Assert.Empty(EnglishText.ProblemsIn(System.Text.RegularExpressions.Regex.Replace(error.Split('\n')[0], "--[a-z-]+", "")));
    }

    private static string[] AllocateTable => ["allocate", "--year", "2025", "--need", "18900", "--em", "750", "--data", ShippedData];

    private static readonly string[] RuleCodes = Enum.GetNames<Busetting.Domain.Allocation.RuleId>();

    [Theory]
    [InlineData("nb", "mottakskommune", "gulv")]
    [InlineData("nn", "mottakskommune", "golv")]
    public void Allocate_Table_RuleNamesInNorwegian_NoCodeNames(string lang, string reception, string floor)
    {
        var (code, output, error) = Run([.. AllocateTable, "--lang", lang]);
        Assert.True(code == 0, error);
        Assert.Contains(reception, output, StringComparison.Ordinal);
        Assert.Matches($@"\b{floor}\b", output);
        Assert.DoesNotContain(RuleCodes, c => System.Text.RegularExpressions.Regex.IsMatch(output, $@"\b{c}\b"));
    }

    [Fact]
    public void Allocate_TableTechnical_RuleCodeNames()
    {
        var (code, output, error) = Run([.. AllocateTable, "--teknisk"]);
        Assert.True(code == 0, error);
        Assert.Matches(@"\bReceptionCentre\b", output);
        Assert.Matches(@"\bFloor\b", output);
    }
}
