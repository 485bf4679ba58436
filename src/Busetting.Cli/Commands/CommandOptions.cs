namespace Busetting.Cli.Commands;

/// <summary>How every command lists its options: in the order its help shows them.</summary>
public static class CommandOptions
{
    public static void AddOptions(this Command command, params ReadOnlySpan<Option> options)
    {
        foreach (var option in options)
        {
            command.Options.Add(option);
        }
    }
}
