using System.CommandLine.Invocation;
using Busetting.Cli.Commands;

namespace Busetting.Cli;

/// <summary>The command line: allocate, explain, need, import, backtest, letters, revise.</summary>
public static class BusettingCli
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = Build(new CommandIo(output, error));
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && parsed.Action is ParseErrorAction)
        {
            // The parser's own messages are English (no Norwegian resources ship with System.CommandLine): said again in
            // Bokmål, or Nynorsk when the line asks for --lang nn.
            var language = NorwegianHelp.LanguageOf(args);
            foreach (var problem in parsed.Errors)
            {
                error.WriteLine($"feil: {NorwegianHelp.Error(problem.Message, language)}");
                error.WriteLine($"  teknisk: {problem.Message}");
            }
            var command = string.Join(' ', ["busetting", .. parsed.CommandResult.Command is RootCommand ? [] : new[] { parsed.CommandResult.Command.Name }]);
            error.WriteLine(language == WrittenStandard.Nn ? $"Sjå «{command} --help --lang nn»." : $"Se «{command} --help».");
            return ExitCodes.Usage;
        }
        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    /// <summary>Every command, with its help in Bokmål (<see cref="NorwegianHelp"/>).</summary>
    public static RootCommand Build(CommandIo io)
    {
        var root = new RootCommand("Busetting: fordel bosettingen av flyktninger på kommunene etter departementets kriterier, med hvert tall forklart.");
        root.Subcommands.Add(AllocateCommand.Create(io));
        root.Subcommands.Add(ExplainCommand.Create(io));
        root.Subcommands.Add(NeedCommand.Create(io));
        root.Subcommands.Add(ImportCommand.Create(io));
        root.Subcommands.Add(BacktestCommand.Create(io));
        root.Subcommands.Add(CalibrateCommand.Create(io));
        root.Subcommands.Add(LettersCommand.Create(io));
        root.Subcommands.Add(ReviseCommand.Create(io));
        NorwegianHelp.Apply(root, io.Output);
        return root;
    }
}

/// <summary>Where a command writes: standard output for results, standard error for errors and notes.</summary>
public sealed record CommandIo(TextWriter Output, TextWriter Error);
