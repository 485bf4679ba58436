using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;

namespace Busetting.Cli.Output;

/// <summary>Writes an allocation as JSON, CSV or a console table.</summary>
public static class AllocationOutput
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string ToJson(AllocationResult result) => JsonSerializer.Serialize(new
    {
        year = result.Year,
        need = new { persons = result.Need.Persons, em = result.Need.Em },
        planNeed = result.PlanNeed,
        criteriaVersion = result.CriteriaVersion,
        effectiveWeights = result.EffectiveWeights,
        weightMoves = result.WeightMoves,
        warnings = result.Warnings.Select(w => w.Technical),
        solver = new { result.Solver.Solver, result.Solver.Status, result.Solver.Detail, elapsedMs = result.Solver.Elapsed.TotalMilliseconds, lambda = result.Solver.Lambda },
        municipalities = result.Municipalities.Select(ExplanationJson.Municipality),
    }, Json);

    public static string ToCsv(AllocationResult result)
    {
        var builder = new StringBuilder("kommunenummer,kommune,fylke,innbyggarar,oppmoda,av_dei_em,plantal,mal_etter_kriteria,bindande_reglar\n");
        foreach (var m in result.Municipalities)
        {
            builder.Append(CultureInfo.InvariantCulture,
                $"{m.Municipality.Number},{Quote(m.Municipality.Name)},{Quote(m.Municipality.CountyName)},{m.Population},{m.Requested},{m.RequestedEm},{m.PlanNextYear},{m.Explanation.Target},{string.Join(";", m.Explanation.BindingRules)}\n");
        }
        return builder.ToString();
    }

    /// <param name="technical">Show the rules' code names (as the CSV and JSON do) instead of their Norwegian names.</param>
    public static void WriteTable(AllocationResult result, WrittenStandard language, TextWriter writer, bool technical = false)
    {
        string T(string nb, string nn) => language == WrittenStandard.Nn ? nn : nb;
        var console = Consoles.For(writer);
        console.Write(new Rule(T($"Anmodning om bosetting {result.Year}: {Texts.Number(result.Need.Persons)} personer, herav {Texts.Number(result.Need.Em)} EM",
            $"Oppmoding om busetting {result.Year}: {Texts.Number(result.Need.Persons)} personar, av dei {Texts.Number(result.Need.Em)} EM")).LeftJustified());
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("Kommune").AddColumn("Fylke").AddColumn(new TableColumn("Innb.").RightAligned())
            .AddColumn(new TableColumn(T("Anmodet", "Oppmoda")).RightAligned()).AddColumn(new TableColumn("EM").RightAligned())
            .AddColumn(new TableColumn(T("Plantall", "Plantal")).RightAligned()).AddColumn(new TableColumn("Mål").RightAligned()).AddColumn(T("Bindende regler", "Bindande reglar"));
        foreach (var m in result.Municipalities)
        {
            table.AddRow(Markup.Escape($"{m.Municipality.Number} {m.Municipality.Name}"), Markup.Escape(m.Municipality.CountyName),
                Texts.Number(m.Population), Texts.Number(m.Requested), Texts.Number(m.RequestedEm), Texts.Number(m.PlanNextYear),
                Texts.Number(m.Explanation.Target, 1), Markup.Escape(string.Join(", ", m.Explanation.BindingRules.Select(r => technical ? r.ToString() : ExplanationTexts.RuleName(language, r)))));
        }
        table.AddRow("[bold]Sum[/]", "", Texts.Number(result.Municipalities.Sum(m => (long)m.Population)),
            $"[bold]{Texts.Number(result.Municipalities.Sum(m => m.Requested))}[/]", Texts.Number(result.Municipalities.Sum(m => m.RequestedEm)),
            Texts.Number(result.Municipalities.Sum(m => m.PlanNextYear)), "", "");
        console.Write(table);
        WriteSummary(result, language, writer);
    }

    public static void WriteSummary(AllocationResult result, WrittenStandard language, TextWriter writer)
    {
        string T(string nb, string nn) => language == WrittenStandard.Nn ? nn : nb;
        var asked = result.Municipalities.Count(m => m.Requested > 0);
        var (sum, em) = (Texts.Number(result.Municipalities.Sum(m => m.Requested)), Texts.Number(result.Municipalities.Sum(m => m.RequestedEm)));
        var (need, emNeed, ms) = (Texts.Number(result.Need.Persons), Texts.Number(result.Need.Em), Texts.Number(result.Solver.Elapsed.TotalMilliseconds));
        // How many municipalities are asked for EM: the unit a municipality staffs, checked against IMDi's published totals.
        var emAsked = result.Municipalities.Count(m => m.RequestedEm > 0);
        var emWhere = emAsked == 0 ? "" : T($" hos {Texts.Number(emAsked)} kommuner", $" hos {Texts.Number(emAsked)} kommunar");
        writer.WriteLine(T(
            $"{asked} av {result.Municipalities.Count} kommuner anmodet; sum {sum} (behov {need}), EM {em}{emWhere} (behov {emNeed}); kriterier {result.CriteriaVersion}; beregnet på {ms} ms",
            $"{asked} av {result.Municipalities.Count} kommunar oppmoda; sum {sum} (behov {need}), EM {em}{emWhere} (behov {emNeed}); kriterium {result.CriteriaVersion}; rekna ut på {ms} ms"));
        foreach (var warning in result.Warnings)
        {
            writer.WriteLine($"merknad: {DataNoteTexts.Say(warning, language)}");
        }
    }

    private static string Quote(string text) => text.Contains(',', StringComparison.Ordinal) ? $"\"{text}\"" : text;
}

/// <summary>Spectre consoles over any TextWriter, without colour codes when the writer is not a terminal.</summary>
public static class Consoles
{
    public static IAnsiConsole For(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 160;
        return console;
    }
}
