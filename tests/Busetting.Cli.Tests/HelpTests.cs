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

    /// <summary>Every command's, option's and argument's description, with where it stands.</summary>
    private static List<(string Where, string Text)> Descriptions()
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
        return texts;
    }

    public static TheoryData<string> Commands => new(BusettingCli.Build(new CommandIo(TextWriter.Null, TextWriter.Null)).Subcommands.Select(c => c.Name));

    [Fact]
    public void Descriptions_EveryCommandOptionArgument_Bokmaal()
    {
        var texts = Descriptions();
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

    /// <summary>Bokmål words whose Nynorsk form differs: none may stand in Nynorsk help.</summary>
    private static readonly string[] BokmalOnly = ["ikke", "fra", "hvert", "hver", "brevene", "kommunene", "anmodning", "anmodningen", "anmodninger", "bosetting", "bosettingen",
        "personer", "skrives", "også", "Beskrivelse", "Valg", "Kommandoer", "påkrevd", "tall", "filen", "mappen", "enslige", "forventet", "tillatelse", "bare", "eksempel", "en", "et", "de"];

    [Fact]
    public void Descriptions_EveryCommandOptionArgument_HaveNynorsk()
    {
        var texts = Descriptions();
        var missing = texts.Where(t => NynorskHelp.For(t.Text) is null).Select(t => $"{t.Where}: «{t.Text}»").ToList();
        Assert.True(missing.Count == 0, "no Nynorsk form:\n" + string.Join("\n", missing));
        var bokmal = texts.Select(t => (t.Where, Text: NynorskHelp.For(t.Text)!)).Where(t => BokmalWords(t.Text).Any()).Select(t => $"{t.Where}: «{t.Text}»").ToList();
        Assert.True(bokmal.Count == 0, "Bokmål words in Nynorsk help:\n" + string.Join("\n", bokmal));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Help_EachCommand_NynorskWithLangNn(string command)
    {
        var (code, output, error) = Run(command, "--help", "--lang", "nn");
        Assert.True(code == 0, error);
        Assert.Contains("Skildring:", output, StringComparison.Ordinal);
        Assert.Contains("Val:", output, StringComparison.Ordinal);
        Assert.Empty(BokmalWords(output));
        Assert.Empty(Problems(output));
    }

    [Fact]
    public void Help_Root_NynorskWithLangNn()
    {
        var (code, output, _) = Run("--lang", "nn", "--help");
        Assert.Equal(0, code);
        Assert.Contains("Kommandoar:", output, StringComparison.Ordinal);
        Assert.Matches(@"allocate\s+Fordel det nasjonale behovet på kommunane", output);
        Assert.Empty(BokmalWords(output));
    }

    [Fact]
    public void ParseError_LangNn_SaidInNynorsk()
    {
        var (code, _, error) = Run("allocate", "--lang", "nn", "--year", "2025", "--need", "mange", "--em", "750");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("feil: «mange» er ikkje ein gyldig verdi for --need.", error, StringComparison.Ordinal);
        Assert.Contains("Sjå «busetting allocate --help --lang nn».", error, StringComparison.Ordinal);
    }

    private static IEnumerable<string> BokmalWords(string text) =>
        OptionName().Replace(text, "").Split([' ', ',', '.', ':', ';', '(', ')', '\n', '\r', '«', '»', '/'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => BokmalOnly.Contains(w, StringComparer.Ordinal) || BokmalOnly.Contains(w, StringComparer.OrdinalIgnoreCase) && char.IsUpper(w[0]) && w.Length > 2);

    private static IEnumerable<string> Problems(string text) =>
        EnglishText.ProblemsIn(TypedValue().Replace(OptionName().Replace(text, ""), m => TypedValues.Contains(m.Value, StringComparer.Ordinal) ? "" : m.Value));

    [GeneratedRegex(@"--[a-z-]+|<[a-z-]+>")]
    private static partial Regex OptionName();

    [GeneratedRegex(@"\b[a-z]+\b")]
    private static partial Regex TypedValue();
}
