using Busetting.TestKit;

namespace Busetting.Cli.Tests;

/// <summary>The real command line, run in process on the shipped data.</summary>
internal static class CommandLine
{
    public static readonly string ShippedData = TestData.Folder;

    public static (int Code, string Out, string Err) Run(params string[] args) => Captured.Run((output, error) => BusettingCli.Run(args, output, error));
}
