using Busetting.Cli.Commands;

namespace Busetting.Cli;

/// <summary>The command line: allocate, explain, need, import, backtest, letters, revise.</summary>
public static class BusettingCli
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Busetting: settle refugees in Norwegian municipalities by the ministry's criteria, with every number explained.");
        var io = new CommandIo(output, error);
        root.Subcommands.Add(AllocateCommand.Create(io));
        root.Subcommands.Add(ExplainCommand.Create(io));
        root.Subcommands.Add(NeedCommand.Create(io));
        root.Subcommands.Add(ImportCommand.Create(io));
        root.Subcommands.Add(BacktestCommand.Create(io));
        root.Subcommands.Add(CalibrateCommand.Create(io));
        root.Subcommands.Add(LettersCommand.Create(io));
        root.Subcommands.Add(ReviseCommand.Create(io));
        var parsed = root.Parse(args);
        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}

/// <summary>Where a command writes: standard output for results, standard error for errors and notes.</summary>
public sealed record CommandIo(TextWriter Output, TextWriter Error);
