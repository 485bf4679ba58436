namespace Busetting.Cli.Commands;

/// <summary>
/// The --data option of every command that reads a data folder, and the one step that reads it: the folder named on the
/// command line, else the shipped one (<see cref="DataFolder.Resolve"/>). Each command keeps its own help text.
/// </summary>
public sealed class DataOption(string description = "Datamappe ordnet som den leverte data/ (standard: den leverte)")
{
    public Option<string?> Option { get; } = new("--data") { HelpName = "mappe", Description = description };

    public string Folder(ParseResult parse) => DataFolder.Resolve(parse.GetValue(Option));

    /// <summary>The folder's reference data (<see cref="ReferenceData.Folder"/> is the folder read), or why it does not load.</summary>
    public Result<ReferenceData> Load(ParseResult parse) => ReferenceDataLoader.Load(Folder(parse));
}
