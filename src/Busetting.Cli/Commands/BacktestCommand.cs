using System.Text.Json;
using Spectre.Console;

namespace Busetting.Cli.Commands;

public static class BacktestCommand
{
    public static Command Create(CommandIo io)
    {
        var common = new CommonOptions();
        var actual = new Option<string?>("--actual") { Description = "IMDi key-figure table (nøkkeltall format) with the real requests of the year" };
        var against = new Option<string>("--against") { Description = "requests (IMDi's requests, needs --actual) or settled (the year's settlements in the data: a pseudo-year)", DefaultValueFactory = _ => "requests" };
        against.AcceptOnlyFromAmong("requests", "settled");
        var details = new Option<string?>("--details") { Description = "Write per municipality: actual, model, each baseline, binding rules (CSV)" };
        var format = CommonOptions.Format("table", "json");
        var command = new Command("backtest", "Allocate a past year and compare with the real requests (or settlements) and two baselines");
        common.AddTo(command);
        command.AddOptions(actual, against, details, format);
        command.SetAction(parse =>
        {
            var run = common.Allocate(parse, Backtest.DefaultKnowledgeDate(parse.GetValue(common.Year)));
            if (!run.IsSuccess)
            {
                return ExitCodes.Report(run.Errors, io.Error);
            }
            var mode = parse.GetValue(against) == "settled" ? Backtest.Against.Settled : Backtest.Against.Requests;
            var report = Backtest.Run(run.Value, mode, parse.GetValue(actual));
            if (!report.IsSuccess)
            {
                return ExitCodes.Report(report.Errors, io.Error);
            }
            var r = report.Value;
            if (parse.GetValue(details) is { } detailsFile)
            {
                File.WriteAllText(detailsFile, Backtest.DetailsCsv(r));
            }
            if (parse.GetValue(format) == "json")
            {
                io.Output.WriteLine(JsonSerializer.Serialize(new
                {
                    year = r.Year,
                    need = new { persons = r.Need, em = r.Em },
                    against = r.Against.ToString().ToLowerInvariant(),
                    knowledgeDate = r.KnowledgeDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    municipalities = r.Units.Count,
                    em = r.Em_,
                    spearman = r.Model.Spearman,
                    relativeL1 = r.Model.RelativeL1,
                    within20 = r.Model.Within20,
                    baselines = r.Baselines.ToDictionary(b => b.Name, b => (object?)(b.Metrics is { } m
                        ? new { spearman = m.Spearman, relativeL1 = m.RelativeL1, within20 = m.Within20 }
                        : new { unavailable = b.Unavailable })),
                    counties = r.Counties,
                    warnings = r.Warnings,
                }, AllocationOutput.Json));
                return ExitCodes.Success;
            }
            var console = Consoles.For(io.Output);
            var table = new Table().Border(TableBorder.Simple).AddColumn("").AddColumn(new TableColumn("Spearman").RightAligned())
                .AddColumn(new TableColumn("Relative L1").RightAligned()).AddColumn(new TableColumn("Within ±20 %").RightAligned());
            table.AddRow("Busetting model", F(r.Model.Spearman), F(r.Model.RelativeL1), P(r.Model.Within20));
            foreach (var b in r.Baselines)
            {
                table.AddRow(Markup.Escape($"Baseline: {b.Name}"), b.Metrics is { } m ? F(m.Spearman) : "–", b.Metrics is { } m2 ? F(m2.RelativeL1) : "–",
                    b.Metrics is { } m3 ? P(m3.Within20) : Markup.Escape(b.Unavailable ?? ""));
            }
            io.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Back-test {r.Year} against {(r.Against == Backtest.Against.Requests ? "IMDi's requests" : "the refugees settled")}: need {r.Need} (EM {r.Em}), {r.Units.Count} municipalities, knowledge date {r.KnowledgeDate:yyyy-MM-dd}"));
            console.Write(table);
            if (r.Em_ is { } em)
            {
                io.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"EM: asked of {em.ModelMunicipalities} municipalities (IMDi: {em.ActualMunicipalities}), {em.Matched} in common; relative L1 {F(em.RelativeL1)}"));
            }
            foreach (var warning in r.Warnings)
            {
                io.Error.WriteLine($"note: {warning}");
            }
            var counties = new Table().Border(TableBorder.Simple).AddColumn("County").AddColumn(new TableColumn("Municipalities").RightAligned())
                .AddColumn(new TableColumn("Actual").RightAligned()).AddColumn(new TableColumn("Model").RightAligned())
                .AddColumn(new TableColumn("Population baseline").RightAligned()).AddColumn(new TableColumn("Last-year-settled baseline").RightAligned());
            foreach (var c in r.Counties)
            {
                counties.AddRow(Markup.Escape(c.County), c.Municipalities.ToString(CultureInfo.InvariantCulture), Texts.Number(c.Actual), Texts.Number(c.Model),
                    Texts.Number(Math.Round(c.Population)), c.LastSettled is { } s ? Texts.Number(Math.Round(s)) : "–");
            }
            console.Write(counties);
            return ExitCodes.Success;
        });
        return command;
    }

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string P(double value) => value.ToString("0.0 %", CultureInfo.InvariantCulture);
}
