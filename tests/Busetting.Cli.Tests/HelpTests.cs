using System.Text.RegularExpressions;
using Busetting.TestKit;

namespace Busetting.Cli.Tests;

/// <summary>
/// `--help` is Bokmål: every command's, option's and argument's description, and the headings (System.CommandLine
/// ships no Norwegian words, so the layout is ours); the parser's own errors are said in Bokmål too.
/// </summary>
public partial class HelpTests
{
    /// <summary>Commands and values a user types (letters, --kind request, --format json) are the command line's own words, as option names are.</summary>
    private static readonly string[] TypedValues = ["allocate", "explain", "need", "import", "backtest", "calibrate", "letters", "revise", "request", "adjusted", "postponement", "requests", "settled", "both", "scale", "keep", "drop", "indicator", "jsonstat", "nokkeltall", "sqlite", "postgres", "table", "csv", "json", "text", "outbox"];

    public static TheoryData<string> Commands => new(BusettingCli.Build(new CommandIo(TextWriter.Null, TextWriter.Null)).Subcommands.Select(c => c.Name));

    [Fact]
    public void Descriptions_EveryCommandOptionArgument_Bokmaal()
    {
        var root = BusettingCli.Build(new CommandIo(TextWriter.Null, TextWriter.Null));
        var texts = new List<(string Where, string Text)> { ("busetting", root.Description ?? "") };
        foreach (var command in root.Subcommands)
        {
            texts.Add((command.Name, command.Description ?? ""));
            texts.AddRange(command.Options.Select(o => ($"{command.Name} {o.Name}", o.Description ?? "")));
            texts.AddRange(command.Arguments.Select(a => ($"{command.Name} <{a.Name}>", a.Description ?? "")));
        }
        texts.AddRange(root.Options.Select(o => ($"busetting {o.Name}", o.Description ?? "")));
        var problems = texts.SelectMany(t => Problems(t.Text).Select(p => $"{t.Where}: {p} in «{t.Text}»")).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.DoesNotContain(texts, t => t.Text.Length == 0);
        Assert.True(texts.Count > 60, $"{texts.Count} descriptions");
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Help_EachCommand_BokmaalHeadings(string command)
    {
        var (code, output, error) = Run(command, "--help");
        Assert.True(code == 0, error);
        Assert.Contains("Beskrivelse:", output, StringComparison.Ordinal);
        Assert.Contains($"Bruk:\n  busetting {command}", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("Valg:", output, StringComparison.Ordinal);
        Assert.Contains("Vis hjelp og bruk", output, StringComparison.Ordinal);
        foreach (var english in new[] { "Usage:", "Options:", "Arguments:", "Description:", "[required]", "Show help" })
        {
            Assert.DoesNotContain(english, output, StringComparison.Ordinal);
        }
        Assert.Empty(Problems(output));
    }

    [Fact]
    public void Help_Root_ListsCommandsInBokmaal()
    {
        var (code, output, _) = Run("--help");
        Assert.Equal(0, code);
        Assert.Contains("Kommandoer:", output, StringComparison.Ordinal);
        Assert.Matches(@"allocate\s+Fordel det nasjonale behovet på kommunene etter årets kriterier", output);
        Assert.DoesNotContain("Commands:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_Allocate_RequiredOptionsMarked()
    {
        var (_, output, _) = Run("allocate", "--help");
        Assert.Matches(@"--year <år>\s+Bosettingsår \(brevene skrives høsten før\) \(påkrevd\)", output);
        Assert.Matches(@"--as-of <åååå-mm-dd>\s+Kunnskapsdato", output);
        Assert.Matches(@"--format <csv\|json\|table>\s+Utdataformat", output);
    }

    [Theory]
    [InlineData(new[] { "allocate", "--need", "18900", "--em", "750" }, "feil: --year må oppgis.")]
    [InlineData(new[] { "allocate", "--year", "2025", "--need", "mange", "--em", "750" }, "feil: «mange» er ikke en gyldig verdi for --need.")]
    [InlineData(new[] { "allocate", "--year", "2025", "--need", "18900", "--em", "750", "--format", "xlsx" }, "feil: «xlsx» er ikke et av de tillatte valgene: table, csv, json.")]
    [InlineData(new[] { "alocate" }, "feil: ukjent kommando, valg eller argument «alocate».")]
    public void ParseError_SaidInBokmaal_EnglishAsTechnical(string[] args, string expected)
    {
        var (code, output, error) = Run(args);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal("", output);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.StartsWith("feil: ", error, StringComparison.Ordinal);
        Assert.Contains("  teknisk: ", error, StringComparison.Ordinal);
        Assert.Contains("--help»", error, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Problems(string text) =>
        EnglishText.ProblemsIn(TypedValue().Replace(OptionName().Replace(text, ""), m => TypedValues.Contains(m.Value, StringComparer.Ordinal) ? "" : m.Value));

    [GeneratedRegex(@"--[a-z-]+|<[a-z-]+>")]
    private static partial Regex OptionName();

    [GeneratedRegex(@"\b[a-z]+\b")]
    private static partial Regex TypedValue();
}
