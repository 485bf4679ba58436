namespace Busetting.Cli.Commands;

/// <summary>Options shared by the commands that allocate.</summary>
public sealed class CommonOptions
{
    public Option<int> Year { get; } = new("--year") { HelpName = "år", Description = "Bosettingsår (brevene skrives høsten før)", Required = true };
    public Option<int> Need { get; } = new("--need") { Description = "Nasjonalt behov i personer, EM medregnet", Required = true };
    public Option<int> Em { get; } = new("--em") { Description = "Herav enslige mindreårige (EM)", Required = true };
    public Option<int?> PlanNeed { get; } = new("--plan-need") { Description = "Behovet som legges til grunn for neste års plantall (standard: --need)" };
    public DataOption Data { get; } = new();
    public Option<DateOnly?> AsOf { get; } = new("--as-of") { Description = "Kunnskapsdato (åååå-mm-dd): bare tall som var kjent da, brukes (standard: 15. november før året, når brevene skrives)" };

    /// <summary>A --format option accepting <paramref name="formats"/>; the first is the default.</summary>
    public static Option<string> Format(params string[] formats)
    {
        var option = new Option<string>("--format") { Description = "Utdataformat: " + string.Join(", ", formats) + " (standard: " + formats[0] + ")", DefaultValueFactory = _ => formats[0] };
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
