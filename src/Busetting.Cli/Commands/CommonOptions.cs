namespace Busetting.Cli.Commands;

/// <summary>Options shared by the commands that allocate.</summary>
public sealed class CommonOptions
{
    public Option<int> Year { get; } = new("--year") { Description = "Settlement year (letters are written in the autumn before)", Required = true };
    public Option<int> Need { get; } = new("--need") { Description = "National need in persons, EM included", Required = true };
    public Option<int> Em { get; } = new("--em") { Description = "Of which unaccompanied minors (EM)", Required = true };
    public Option<int?> PlanNeed { get; } = new("--plan-need") { Description = "Need assumed for next year's planning number (default: --need)" };
    public DataOption Data { get; } = new();
    public Option<DateOnly?> AsOf { get; } = new("--as-of") { Description = "Knowledge date (yyyy-mm-dd): only figures known by then are used (default: 15 November before the year, when letters are written)" };

    /// <summary>A --format option accepting <paramref name="formats"/>; the first is the default.</summary>
    public static Option<string> Format(params string[] formats)
    {
        var option = new Option<string>("--format") { Description = string.Join(", ", formats), DefaultValueFactory = _ => formats[0] };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }

    public void AddTo(Command command)
    {
        command.AddOptions(Year, Need, Em, PlanNeed, Data.Option, AsOf);
    }

    /// <summary>--lang: the written standard of the output, nb (Bokmål, the default) or nn (Nynorsk).</summary>
    public static Option<string> Language()
    {
        var option = new Option<string>("--lang") { Description = "Målform for utskriften: nb (bokmål, standard) eller nn (nynorsk)", DefaultValueFactory = _ => WrittenStandards.NbCode };
        option.AcceptOnlyFromAmong(WrittenStandards.NbCode, WrittenStandards.NnCode);
        return option;
    }

    /// <summary>The written standard chosen with <see cref="Language()"/>.</summary>
    public static WrittenStandard Language(ParseResult parse, Option<string> option) =>
        WrittenStandards.TryParse(parse.GetValue(option), out var chosen) ? chosen : WrittenStandard.Nb;

    /// <summary>The allocation runner of every CLI command: over the SCIP solvers.</summary>
    public static IAllocationRunner Runner { get; } = AllocationRunner.Scip();

    public Domain.Errors.Result<AllocationRunner.Run> Allocate(ParseResult parse, DateOnly? defaultAsOf = null)
    {
        var folder = Data.Folder(parse);
        return AllocationRequest.Create(parse.GetValue(Year), parse.GetValue(Need), parse.GetValue(Em), parse.GetValue(PlanNeed), parse.GetValue(AsOf) ?? defaultAsOf)
            .Bind(request => Runner.Allocate(folder, request));
    }
}
