using System.Text.Json;
using Busetting.Domain.Backtest;
using Spectre.Console;

namespace Busetting.Cli.Commands;

public static class BacktestCommand
{
    public static Command Create(CommandIo io)
    {
        var common = new CommonOptions();
        common.Need.Required = false;
        common.Need.Description = "Nasjonalt behov i personer, EM medregnet (standard: målets egen sum — Σ anmodninger eller Σ bosatte)";
        var actual = new Option<string?>("--actual") { HelpName = "fil", Description = "IMDis nøkkeltallstabell med årets faktiske anmodninger (standard: datamappens tabell for året)" };
        var against = new Option<string>("--against")
        {
            Description = "requests (IMDis anmodninger), settled (årets bosettinger i dataene: et pseudo-år) eller both side om side, hver med sin egen sum",
            DefaultValueFactory = _ => "requests",
        };
        against.AcceptOnlyFromAmong("requests", "settled", "both");
        var details = new Option<string?>("--details") { HelpName = "fil", Description = "Skriv per kommune: faktisk, modell, hver grunnlinje, bindende regler (CSV)" };
        var format = CommonOptions.Format("table", "json");
        var language = CommonOptions.Language();
        var command = new Command("backtest", "Fordel et tidligere år og sammenlign med de faktiske anmodningene (eller bosettingene) og to grunnlinjer");
        common.AddTo(command);
        command.AddOptions(actual, against, details, format, language);
        command.SetAction(parse =>
        {
            var lang = CommonOptions.Language(parse, language);
            var year = parse.GetValue(common.Year);
            var folder = common.Data.Folder(parse);
            var data = ReferenceDataLoader.Load(folder);
            if (!data.IsSuccess)
            {
                return ExitCodes.Report(data.Errors, io.Error, lang);
            }
            int? need = parse.GetResult(common.Need) is null ? null : parse.GetValue(common.Need);
            var actualFile = parse.GetValue(actual) ?? Backtest.ShippedActual(folder, year);
            Result<Backtest.Report> Compare(Backtest.Against target, int? persons) => Backtest.Allocate(CommonOptions.Runner, folder, data.Value, year, persons,
                parse.GetValue(common.Em), parse.GetValue(common.PlanNeed), parse.GetValue(common.AsOf), target, actualFile);

            if (parse.GetValue(against) == "both")
            {
                if (need is not null)
                {
                    io.Error.WriteLine(lang == WrittenStandard.Nn
                        ? "feil: --need kan ikkje brukast med --against both: kvart mål blir fordelt med sin eigen sum"
                        : "feil: --need kan ikke brukes med --against both: hvert mål fordeles med sin egen sum");
                    return ExitCodes.InvalidInput;
                }
                var requests = Compare(Backtest.Against.Requests, null);
                var settled = Compare(Backtest.Against.Settled, null);
                if (!requests.IsSuccess && !settled.IsSuccess)
                {
                    return ExitCodes.Report([.. requests.Errors, .. settled.Errors], io.Error, lang);
                }
                WriteBoth(io, parse.GetValue(format) == "json", lang, year, requests, settled);
                return ExitCodes.Success;
            }
            var mode = parse.GetValue(against) == "settled" ? Backtest.Against.Settled : Backtest.Against.Requests;
            var report = Compare(mode, need);
            if (!report.IsSuccess)
            {
                return ExitCodes.Report(report.Errors, io.Error, lang);
            }
            var r = report.Value;
            if (parse.GetValue(details) is { } detailsFile)
            {
                File.WriteAllText(detailsFile, Backtest.DetailsCsv(r));
            }
            if (parse.GetValue(format) == "json")
            {
                io.Output.WriteLine(JsonSerializer.Serialize(Json(r), AllocationOutput.Json));
                return ExitCodes.Success;
            }
            WriteOne(io, lang, r);
            return ExitCodes.Success;
        });
        return command;
    }

    private static object Json(Backtest.Report r) => new
    {
        year = r.Year,
        need = new { persons = r.Need, em = r.Em },
        against = r.Against.ToString().ToLowerInvariant(),
        knowledgeDate = r.KnowledgeDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        municipalities = r.Units.Count,
        em = r.Em_,
        emSettled = r.EmSettled is { } e
            ? new
            {
                largestCities = r.LargestCities,
                e.ActualMunicipalities,
                e.SuppressedMunicipalities,
                e.ActualLow,
                e.ActualHigh,
                e.ModelMunicipalities,
                e.Matched,
                e.ModelTotal,
                e.ModelPerMunicipality,
                e.IntervalRelativeL1,
                e.ModelLargestShare,
                e.ActualLargestShareLow,
                e.ActualLargestShareHigh,
            }
            : null,
        spearman = r.Model.Spearman,
        relativeL1 = r.Model.RelativeL1,
        within20 = r.Model.Within20,
        baselines = r.Baselines.ToDictionary(b => b.Name, b => (object?)(b.Metrics is { } m
            ? new { spearman = m.Spearman, relativeL1 = m.RelativeL1, within20 = m.Within20 }
            : new { unavailable = b.Unavailable?.Technical })),
        counties = r.Counties,
        warnings = r.Warnings.Select(w => w.Technical),
    };

    private static string Compared(Backtest.Against against, WrittenStandard lang) => (against, lang) switch
    {
        (Backtest.Against.Requests, WrittenStandard.Nn) => "oppmodingane frå IMDi",
        (Backtest.Against.Requests, _) => "IMDis anmodninger",
        (_, WrittenStandard.Nn) => "dei busette flyktningane",
        _ => "de bosatte flyktningene",
    };

    private static void WriteOne(CommandIo io, WrittenStandard lang, Backtest.Report r)
    {
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
        var compared = Compared(r.Against, lang);
        io.Output.WriteLine(T(
            $"Tilbaketest {r.Year} mot {compared}: behov {Texts.Number(r.Need)} (EM {Texts.Number(r.Em)}), {Texts.Number(r.Units.Count)} kommuner, kunnskapsdato {DataNoteTexts.Day(r.KnowledgeDate)}",
            $"Tilbaketest {r.Year} mot {compared}: behov {Texts.Number(r.Need)} (EM {Texts.Number(r.Em)}), {Texts.Number(r.Units.Count)} kommunar, kunnskapsdato {DataNoteTexts.Day(r.KnowledgeDate)}"));
        console.Write(table);
        WriteEm(io, lang, r);
        foreach (var warning in r.Warnings)
        {
            io.Error.WriteLine($"merknad: {warning.Say(lang)}");
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
    }

    /// <summary>The EM lines: against requests with an EM column, and a pseudo-year's EM against the EM really settled.</summary>
    private static void WriteEm(CommandIo io, WrittenStandard lang, Backtest.Report r)
    {
        string T(string nb, string nn) => lang == WrittenStandard.Nn ? nn : nb;
        if (r.Em_ is { } em)
        {
            io.Output.WriteLine(T(
                $"EM: anmodet {em.ModelMunicipalities} kommuner (IMDi: {em.ActualMunicipalities}), {em.Matched} felles; relativ L1 {F(em.RelativeL1)}",
                $"EM: oppmoda {em.ModelMunicipalities} kommunar (IMDi: {em.ActualMunicipalities}), {em.Matched} felles; relativ L1 {F(em.RelativeL1)}"));
        }
        if (r.EmSettled is { } e)
        {
            var cities = string.Join(", ", r.LargestCities ?? []);
            var range = $"{Texts.Number(e.ActualLow)}–{Texts.Number(e.ActualHigh)}";
            var perMunicipality = $"{Texts.Number(e.ActualLow / (double)e.ActualMunicipalities, 1)}–{Texts.Number(e.ActualHigh / (double)e.ActualMunicipalities, 1)}";
            io.Output.WriteLine(T(
                $"EM mot de bosatte (tall under 5 er prikket av IMDi og regnes som 1–4): modellen ber {e.ModelMunicipalities} kommuner om {Texts.Number(e.ModelTotal)} EM ({Texts.Number(e.ModelPerMunicipality, 1)} per kommune); bosatt hos {e.ActualMunicipalities} kommuner ({e.SuppressedMunicipalities} prikket), {range} EM ({perMunicipality} per kommune); {e.Matched} felles",
                $"EM mot dei busette (tal under 5 er prikka av IMDi og blir rekna som 1–4): modellen ber {e.ModelMunicipalities} kommunar om {Texts.Number(e.ModelTotal)} EM ({Texts.Number(e.ModelPerMunicipality, 1)} per kommune); busett hos {e.ActualMunicipalities} kommunar ({e.SuppressedMunicipalities} prikka), {range} EM ({perMunicipality} per kommune); {e.Matched} felles"));
            io.Output.WriteLine(T(
                $"EM som minst må flyttes: {P(e.IntervalRelativeL1)}; de {Backtest.LargestCityCount} største byene ({cities}): modellen {P(e.ModelLargestShare)}, bosatt {P(e.ActualLargestShareLow)}–{P(e.ActualLargestShareHigh)}",
                $"EM som minst må flyttast: {P(e.IntervalRelativeL1)}; dei {Backtest.LargestCityCount} største byane ({cities}): modellen {P(e.ModelLargestShare)}, busett {P(e.ActualLargestShareLow)}–{P(e.ActualLargestShareHigh)}"));
        }
    }

    /// <summary>Both targets side by side, each allocated at its own total; a target the data does not hold says why.</summary>
    private static void WriteBoth(CommandIo io, bool json, WrittenStandard lang, int year, Result<Backtest.Report> requests, Result<Backtest.Report> settled)
    {
        string T(string nb, string nn) => lang == WrittenStandard.Nn ? nn : nb;
        var targets = new[] { (Backtest.Against.Requests, requests), (Backtest.Against.Settled, settled) };
        if (json)
        {
            var first = (requests.IsSuccess ? requests : settled).Value;
            io.Output.WriteLine(JsonSerializer.Serialize(new
            {
                year,
                knowledgeDate = first.KnowledgeDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                targets = targets.ToDictionary(t => t.Item1.ToString().ToLowerInvariant(),
                    t => t.Item2.IsSuccess ? Json(t.Item2.Value) : new { unavailable = string.Join("; ", t.Item2.Errors.Select(e => e.ToString())) }),
            }, AllocationOutput.Json));
            return;
        }
        var known = (requests.IsSuccess ? requests : settled).Value;
        io.Output.WriteLine(T(
            $"Tilbaketest {year} mot begge mål, kunnskapsdato {DataNoteTexts.Day(known.KnowledgeDate)}; hvert mål er fordelt med sin egen sum",
            $"Tilbaketest {year} mot begge måla, kunnskapsdato {DataNoteTexts.Day(known.KnowledgeDate)}; kvart mål er fordelt med sin eigen sum"));
        var table = new Table().Border(TableBorder.Simple).AddColumn("");
        foreach (var (target, report) in targets)
        {
            var total = report.IsSuccess ? $" ({Texts.Number(report.Value.Need)})" : "";
            table.AddColumn(new TableColumn(Markup.Escape($"{T("Mot", "Mot")} {Compared(target, lang)}{total}")).RightAligned());
        }
        string Cell(Result<Backtest.Report> report, Func<Backtest.Report, Metrics?> pick) =>
            report.IsSuccess && pick(report.Value) is { } m ? $"{F(m.Spearman)} / {F(m.RelativeL1)} / {P(m.Within20)}" : "–";
        table.AddRow("Busetting-modellen", Cell(requests, r => r.Model), Cell(settled, r => r.Model));
        foreach (var name in new[] { "population", "lastYearSettled" })
        {
            var label = new Backtest.Baseline(name, null, null).Label(lang);
            table.AddRow(Markup.Escape(label), Cell(requests, r => r.Baselines.Single(b => b.Name == name).Metrics),
                Cell(settled, r => r.Baselines.Single(b => b.Name == name).Metrics));
        }
        Consoles.For(io.Output).Write(table);
        io.Output.WriteLine(T("Hver celle: Spearman / relativ L1 / innenfor ±20 %.", "Kvar celle: Spearman / relativ L1 / innanfor ±20 %."));
        foreach (var (target, report) in targets)
        {
            if (!report.IsSuccess)
            {
                io.Output.WriteLine(T($"Mot {Compared(target, lang)}: ikke mulig — ", $"Mot {Compared(target, lang)}: ikkje mogleg — ")
                    + string.Join("; ", report.Errors.Select(e => Unavailable(e, target, year, lang))));
                continue;
            }
            foreach (var b in report.Value.Baselines.Where(b => b.Unavailable is not null))
            {
                io.Output.WriteLine($"{b.Label(lang)} ({Compared(target, lang)}): {b.Unavailable!.Say(lang)}");
            }
            WriteEm(io, lang, report.Value);
            foreach (var warning in report.Value.Warnings)
            {
                io.Error.WriteLine($"merknad ({Compared(target, lang)}): {warning.Say(lang)}");
            }
        }
    }

    /// <summary>Why a target cannot be compared: the year is not in the data folder (said in Norwegian), or the error itself.</summary>
    private static string Unavailable(Error error, Backtest.Against target, int year, WrittenStandard lang) => (error.Code, target, lang) switch
    {
        ("backtest.actual", _, WrittenStandard.Nn) => $"ingen oppmodingar for {year} i datamappa (ei nøkkeltalsfil frå IMDi kan givast med --actual)",
        ("backtest.actual", _, _) => $"ingen anmodninger for {year} i datamappen (en nøkkeltallsfil fra IMDi kan gis med --actual)",
        ("backtest.settled", _, WrittenStandard.Nn) => $"ingen busetjingar for {year} i datamappa",
        ("backtest.settled", _, _) => $"ingen bosettinger for {year} i datamappen",
        _ => ErrorTexts.For(error, lang).Text,
    };

    private static string F(double value) => value.ToString("0.000", Texts.Norwegian);

    private static string P(double value) => (value * 100).ToString("0.0", Texts.Norwegian) + " %";
}
