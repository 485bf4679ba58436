using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Text.RegularExpressions;

namespace Busetting.Cli;

/// <summary>
/// `--help` and the parser's own errors in Bokmål. System.CommandLine 3.0 keeps its words ("Usage:", "Options:",
/// "Option '--year' is required.") in internal resources chosen by the UI culture, ships no Norwegian ones, and its
/// HelpBuilder is internal; so the help option's action is ours, and the parse errors it writes are said again here.
/// </summary>
public static partial class NorwegianHelp
{
    /// <summary>Gives the root's help option our Bokmål help, and Bokmål descriptions for the built-in options.</summary>
    public static void Apply(RootCommand root, TextWriter output)
    {
        foreach (var option in root.Options)
        {
            switch (option)
            {
                case HelpOption help:
                    help.Description = "Vis hjelp og bruk";
                    help.Action = new WriteHelp(output);
                    break;
                case VersionOption version:
                    version.Description = "Vis versjonen";
                    break;
            }
        }
    }

    private sealed class WriteHelp(TextWriter output) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            Write(parseResult.CommandResult.Command, output, LanguageOf([.. parseResult.Tokens.Select(t => t.Value)]));
            return ExitCodes.Success;
        }
    }

    /// <summary>The written standard asked for with --lang anywhere on the line (nn, else Bokmål): help and parse errors follow it.</summary>
    public static WrittenStandard LanguageOf(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var value = args[i] == "--lang" && i + 1 < args.Count ? args[i + 1]
                : args[i].StartsWith("--lang=", StringComparison.Ordinal) || args[i].StartsWith("--lang:", StringComparison.Ordinal) ? args[i][7..]
                : null;
            if (value is not null && WrittenStandards.TryParse(value, out var chosen))
            {
                return chosen;
            }
        }
        return WrittenStandard.Nb;
    }

    /// <summary>Description, usage, arguments, options and subcommands, each under its heading in Bokmål or Nynorsk.</summary>
    public static void Write(Command command, TextWriter output, WrittenStandard language = WrittenStandard.Nb)
    {
        var nn = language == WrittenStandard.Nn;
        string Say(string? bokmal) => nn ? NynorskHelp.For(bokmal ?? "") ?? bokmal ?? "" : bokmal ?? "";
        if (!string.IsNullOrWhiteSpace(command.Description))
        {
            output.WriteLine(nn ? "Skildring:" : "Beskrivelse:");
            output.WriteLine("  " + Say(command.Description));
            output.WriteLine();
        }
        output.WriteLine("Bruk:");
        output.WriteLine("  " + Usage(command, nn));
        Section(output, nn ? "Argument:" : "Argumenter:", command.Arguments.Where(a => !a.Hidden).Select(a => ($"<{a.Name}>", Say(a.Description))));
        Section(output, nn ? "Val:" : "Valg:", AllOptions(command).Select(o => (Label(o, nn), Say(o.Description) + (o.Required ? nn ? " (påkravd)" : " (påkrevd)" : ""))));
        Section(output, nn ? "Kommandoar:" : "Kommandoer:", command.Subcommands.Where(c => !c.Hidden).Select(c => (c.Name, Say(c.Description))));
    }

    private static string Usage(Command command, bool nn)
    {
        var names = new List<string>();
        for (Command? at = command; at is not null; at = at.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Insert(0, at is RootCommand ? "busetting" : at.Name);
        }
        names.AddRange(command.Arguments.Where(a => !a.Hidden).Select(a => $"<{a.Name}>"));
        if (AllOptions(command).Any())
        {
            names.Add(nn ? "[val]" : "[valg]");
        }
        if (command.Subcommands.Any(c => !c.Hidden))
        {
            names.Add("[kommando]");
        }
        return string.Join(' ', names);
    }

    /// <summary>"--year &lt;year&gt;", "-?, -h, --help": the names as typed, and a value placeholder unless it is a switch.</summary>
    private static string Label(Option option, bool nn)
    {
        var names = string.Join(", ", option.Aliases.Append(option.Name).Distinct().OrderBy(n => n.Length));
        var isSwitch = option.ValueType == typeof(bool) || option is HelpOption || option is VersionOption;
        return isSwitch ? names : $"{names} <{option.HelpName ?? Placeholder(option, nn)}>";
    }

    /// <summary>What the value is, in Bokmål: the accepted values where the option lists them, else its kind.</summary>
    private static string Placeholder(Option option, bool nn)
    {
        var accepted = option.GetCompletions(System.CommandLine.Completions.CompletionContext.Empty).Select(c => c.Label).ToList();
        if (accepted.Count > 0 && option.ValueType != typeof(bool))
        {
            return string.Join('|', accepted);
        }
        var type = Nullable.GetUnderlyingType(option.ValueType) ?? option.ValueType;
        return type == typeof(DateOnly) ? "åååå-mm-dd"
            : type == typeof(int) || type == typeof(decimal) ? nn ? "tal" : "tall"
            : type == typeof(string[]) ? "verdi"
            : "tekst";
    }

    /// <summary>The command's own options, then the ones its ancestors share with it (--help, --version).</summary>
    private static IEnumerable<Option> AllOptions(Command command)
    {
        var own = command.Options.Where(o => !o.Hidden).ToList();
        var inherited = Ancestors(command).SelectMany(c => c.Options).Where(o => o.Recursive && !o.Hidden);
        return own.Concat(inherited.Except(own));
    }

    private static IEnumerable<Command> Ancestors(Command command)
    {
        foreach (var parent in command.Parents.OfType<Command>())
        {
            yield return parent;
            foreach (var above in Ancestors(parent))
            {
                yield return above;
            }
        }
    }

    private static void Section(TextWriter output, string title, IEnumerable<(string Label, string Text)> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            return;
        }
        var width = list.Max(r => r.Label.Length) + 2;
        output.WriteLine();
        output.WriteLine(title);
        foreach (var (label, text) in list)
        {
            output.WriteLine($"  {label.PadRight(width)}{text}");
        }
    }

    /// <summary>
    /// A parse error in Bokmål, naming the option or value as typed; the parser's English message kept after "teknisk:".
    /// </summary>
    public static string Error(string message, WrittenStandard language = WrittenStandard.Nb)
    {
        string T(string nb, string nn) => language == WrittenStandard.Nn ? nn : nb;
        if (RequiredOption().Match(message) is { Success: true } required)
        {
            return T($"{required.Groups[1].Value} må oppgis.", $"{required.Groups[1].Value} må oppgjevast.");
        }
        if (CannotParse().Match(message) is { Success: true } parse)
        {
            return T($"«{parse.Groups[1].Value}» er ikke en gyldig verdi for {parse.Groups[2].Value}.", $"«{parse.Groups[1].Value}» er ikkje ein gyldig verdi for {parse.Groups[2].Value}.");
        }
        if (NotAllowed().Match(message) is { Success: true } allowed)
        {
            var values = allowed.Groups[2].Value.Trim().Replace("\t", "", StringComparison.Ordinal).Replace("\n", ", ", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal).Replace("'", "", StringComparison.Ordinal);
            return T($"«{allowed.Groups[1].Value}» er ikke et av de tillatte valgene: {values}.", $"«{allowed.Groups[1].Value}» er ikkje eit av dei tillatne vala: {values}.");
        }
        if (Unrecognized().Match(message) is { Success: true } unknown)
        {
            return T($"ukjent kommando, valg eller argument «{unknown.Groups[1].Value}».", $"ukjend kommando, val eller argument «{unknown.Groups[1].Value}».");
        }
        if (RequiredArgument().Match(message) is { Success: true } argument)
        {
            return T($"kommandoen «{argument.Groups[1].Value}» mangler et argument.", $"kommandoen «{argument.Groups[1].Value}» manglar eit argument.");
        }
        if (message == "Required command was not provided.")
        {
            return T("oppgi en kommando (se listen med --help).", "gje ein kommando (sjå lista med --help).");
        }
        return T("kommandolinjen kunne ikke tolkes.", "kommandolinja kunne ikkje tolkast.");
    }

    [GeneratedRegex(@"^Option '(.+)' is required\.$")]
    private static partial Regex RequiredOption();

    [GeneratedRegex(@"^Cannot parse argument '(.*)' for option '(.+)' as expected type")]
    private static partial Regex CannotParse();

    [GeneratedRegex(@"^Argument '(.*)' not recognized\. Must be one of:(.*)$", RegexOptions.Singleline)]
    private static partial Regex NotAllowed();

    [GeneratedRegex(@"^Unrecognized command or argument '(.*)'\.?$")]
    private static partial Regex Unrecognized();

    [GeneratedRegex(@"^Required argument missing for command: '(.+)'\.?$")]
    private static partial Regex RequiredArgument();
}
