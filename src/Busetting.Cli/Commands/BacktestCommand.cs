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
        var language = CommonOptions.Language();
        var command = new Command("backtest", "Fordel et tidligere år og sammenlign med de faktiske anmodningene (eller bosettingene) og to grunnlinjer");
        common.AddTo(command);
        command.AddOptions(actual, against, details, format, language);
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
                        : new { unavailable = b.Unavailable?.Technical })),
                    counties = r.Counties,
                    warnings = r.Warnings.Select(w => w.Technical),
                }, AllocationOutput.Json));
                return ExitCodes.Success;
            }
            var lang = CommonOptions.Language(parse, language);
            string T(string nb, string nn) => lang == WrittenStandard.Nn ? nn : nb;
            var console = Consoles.For(io.Output);
            var table = new Table().Border(TableBorder.Simple).AddColumn("").AddColumn(new TableColumn("Spearman").RightAligned())
                .AddColumn(new TableColumn("Relativ L1").RightAligned()).AddColumn(new TableColumn(T("Innenfor ±20 %", "Innanfor ±20 %")).RightAligned());
            table.AddRow("Busetting-modellen", F(r.Model.Spearman), F(r.Model.RelativeL1), P(r.Model.Within20));
            foreach (var b in r.Baselines)
            {
                table.AddRow(Markup.Escape(b.Label(lang)), b.Metrics is { } m ? F(m.Spearman) : "–", b.Metrics is { } m2 ? F(m2.RelativeL1) : "–",
                    b.Metrics is { } m3 ? P(m3.Within20) : Markup.Escape(b.Unavailable?.Say(lang) ?? ""));
            }
            var compared = r.Against == Backtest.Against.Requests ? T("IMDis anmodninger", "oppmodingane frå IMDi") : T("de bosatte flyktningene", "dei busette flyktningane");
            io.Output.WriteLine(T(
                $"Tilbaketest {r.Year} mot {compared}: behov {Texts.Number(r.Need)} (EM {Texts.Number(r.Em)}), {Texts.Number(r.Units.Count)} kommuner, kunnskapsdato {DataNoteTexts.Day(r.KnowledgeDate)}",
                $"Tilbaketest {r.Year} mot {compared}: behov {Texts.Number(r.Need)} (EM {Texts.Number(r.Em)}), {Texts.Number(r.Units.Count)} kommunar, kunnskapsdato {DataNoteTexts.Day(r.KnowledgeDate)}"));
            console.Write(table);
            if (r.Em_ is { } em)
            {
                io.Output.WriteLine(T(
                    $"EM: anmodet {em.ModelMunicipalities} kommuner (IMDi: {em.ActualMunicipalities}), {em.Matched} felles; relativ L1 {F(em.RelativeL1)}",
                    $"EM: oppmoda {em.ModelMunicipalities} kommunar (IMDi: {em.ActualMunicipalities}), {em.Matched} felles; relativ L1 {F(em.RelativeL1)}"));
            }
            foreach (var warning in r.Warnings)
            {
                io.Error.WriteLine($"{T("merknad", "merknad")}: {warning.Say(lang)}");
            }
            var counties = new Table().Border(TableBorder.Simple).AddColumn("Fylke").AddColumn(new TableColumn(T("Kommuner", "Kommunar")).RightAligned())
                .AddColumn(new TableColumn("Faktisk").RightAligned()).AddColumn(new TableColumn("Modell").RightAligned())
                .AddColumn(new TableColumn(T("Grunnlinje folketall", "Grunnlinje folketal")).RightAligned()).AddColumn(new TableColumn(T("Grunnlinje bosatte i fjor", "Grunnlinje busette i fjor")).RightAligned());
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

    private static string F(double value) => value.ToString("0.000", Texts.Norwegian);

    private static string P(double value) => (value * 100).ToString("0.0", Texts.Norwegian) + " %";
}
