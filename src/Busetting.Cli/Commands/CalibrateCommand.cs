using Busetting.Data.Criteria;
using Busetting.Data.Profiles;
using Busetting.Domain.Backtest;
using Busetting.Domain.Criteria;

namespace Busetting.Cli.Commands;

/// <summary>
/// Chooses the model's global parameters the time-honest way, on the shipped data only, each on the quantity it is meant
/// to predict. 1) The criteria (size elasticity, immigrant-share factor) against IMDi's real requests of every year with
/// a key-figure table, run as of 1 March of that year. 2) The request weight of the continuity pattern against requests,
/// on years whose year before has both requests and settled figures; with none in the data, the stated prior
/// (<see cref="ContinuityAnchor.RequestWeightPrior"/>), and its curve against the settled shown but not used (there
/// "settled only" wins by construction). 3) The anchor's share on pseudo-years: for every year Y whose settlements and
/// whose Y−1 settlements are both in the data, the model as of 1 March Y against where refugees were really settled in Y.
/// 4) The EM shape on the pseudo-years with a whole year of EM settled figures. In each stage the grid value with the
/// lowest mean relative L1 wins (ties: higher Spearman). Nothing is fitted to a single municipality.
/// </summary>
public static partial class CalibrateCommand
{
    public static readonly decimal[] Shares = [0m, 0.1m, 0.2m, 0.3m, 0.4m, 0.5m, 0.6m, 0.7m, 0.8m, 0.9m, 1m];

    public static readonly decimal[] RequestWeights = [0m, 0.25m, 0.5m, 0.75m, 1m];

    public static readonly decimal[] Elasticities = [0.6m, 0.7m, 0.8m, 0.9m, 1m];

    public static readonly decimal[] ImmigrantFactors = [0.25m, 0.5m, 0.75m, 1m];

    public static readonly int[] EmMinimums = [1, 2, 3, 4, 5, 6];

    public static readonly decimal[] EmHistoryWeights = [0m, 0.5m, 1m];

    /// <summary>
    /// A parameter as a planner says it, in the reader's written standard; with <paramref name="codes"/> (--teknisk) its key
    /// in the criteria file after it.
    /// </summary>
    public static string Parameter(string code, WrittenStandard lang, bool codes = false)
    {
        var nn = lang == WrittenStandard.Nn;
        var name = code switch
        {
            "sizeElasticity" => nn ? "elastisiteten for storleik" : "elastisiteten for størrelse",
            "immigrantFactor" => nn ? "innvandrarfaktoren" : "innvandrerfaktoren",
            "continuityAnchor.requestWeight" => nn ? "vekta på oppmodingane i mønsteret" : "vekten på anmodningene i mønsteret",
            "continuityAnchor.share" => nn ? "delen av behovet som følgjer mønsteret" : "andelen av behovet som følger mønsteret",
            "em.minimumPerMunicipality" => nn ? "minste tal EM per kommune" : "minste antall EM per kommune",
            "em.historyWeight" => nn ? "vekta på EM-historikken" : "vekten på EM-historikken",
            _ => throw new ArgumentOutOfRangeException(nameof(code), code, "no Norwegian name"),
        };
        return codes ? $"{name} ({code})" : name;
    }

    public static Command Create(CommandIo io)
    {
        var data = new DataOption();
        var language = CommonOptions.Language();
        var technical = new Option<bool>("--teknisk") { Description = "Vis parameternes kodenavn i kriteriefilen etter de norske navnene" };
        var command = new Command("calibrate", "Velg modellens globale parametere på de leverte dataene, hver mot det den skal forutsi, og skriv kurvene");
        command.AddOptions(data.Option, language, technical);
        command.SetAction(parse =>
        {
            var lang = CommonOptions.Language(parse, language);
            string T(string nb, string nn) => lang == WrittenStandard.Nn ? nn : nb;
            var codes = parse.GetValue(technical);
            string Name(string code) => Parameter(code, lang, codes);
            var loaded = data.Load(parse);
            if (!loaded.IsSuccess)
            {
                return ExitCodes.Report(loaded.Errors, io.Error, lang);
            }
            var reference = loaded.Value;
            var folder = reference.Folder;
            var cache = new YearInputs();
            var requestYears = reference.KeyFigures.Where(k => k.Requested is not null).Select(k => k.Year).Distinct().Order().ToList();
            io.Output.WriteLine(T(
                $"Trinn 1, kriteriene: modellen per 1. mars Y mot IMDis anmodninger for {string.Join(", ", requestYears)} (relativ L1 / Spearman)",
                $"Trinn 1, kriteria: modellen per 1. mars Y mot oppmodingane frå IMDi for {string.Join(", ", requestYears)} (relativ L1 / Spearman)"));
            io.Output.WriteLine(T("elastisitet  innvandrerfaktor  ", "elastisitet  innvandrarfaktor  ") + string.Join("  ", requestYears.Select(y => Inv($"{y,-15}"))));
            var stage1 = new List<(decimal Elasticity, decimal Factor, double MeanL1, double MeanSpearman)>();
            foreach (var elasticity in Elasticities)
            {
                foreach (var factor in ImmigrantFactors)
                {
                    var cells = new List<(double L1, double Spearman)>();
                    foreach (var year in requestYears)
                    {
                        var file = Directory.GetFiles(folder, Inv($"{Data.Import.KeyFiguresCsv.FilePrefix}{year}.csv")).Single();
                        var need = reference.KeyFigures.Where(k => k.Year == year).Sum(k => k.Requested ?? 0);
                        var report = Evaluate(reference, folder, cache, SettlementYear.Create(year), need, 0, Backtest.Against.Requests, file,
                            set => set with { SizeElasticity = elasticity, Rules = set.Rules with { ImmigrantShare = set.Rules.ImmigrantShare with { ConsiderFactor = factor } } });
                        if (!report.IsSuccess)
                        {
                            return ExitCodes.Report(report.Errors, io.Error, lang);
                        }
                        cells.Add((report.Value.Model.RelativeL1, report.Value.Model.Spearman));
                    }
                    stage1.Add((elasticity, factor, cells.Average(c => c.L1), cells.Average(c => c.Spearman)));
                    io.Output.WriteLine(N(elasticity).PadLeft(11) + "  " + N(factor).PadLeft(16) + "  " + string.Join("  ", cells.Select(c => $"{F(c.L1)} / {F(c.Spearman)}")));
                }
            }
            var chosen1 = stage1.OrderBy(r => Math.Round(r.MeanL1, 4)).ThenByDescending(r => r.MeanSpearman).First();
            io.Output.WriteLine(T(
                $"valgt: {Name("sizeElasticity")} {N(chosen1.Elasticity)}, {Name("immigrantFactor")} {N(chosen1.Factor)} (snitt relativ L1 {chosen1.MeanL1.ToString("0.0000", Texts.Norwegian)}, snitt Spearman {F(chosen1.MeanSpearman)})",
                $"vald: {Name("sizeElasticity")} {N(chosen1.Elasticity)}, {Name("immigrantFactor")} {N(chosen1.Factor)} (snitt relativ L1 {chosen1.MeanL1.ToString("0.0000", Texts.Norwegian)}, snitt Spearman {F(chosen1.MeanSpearman)})"));
            io.Output.WriteLine();
            CriteriaSet WithStage1(CriteriaSet set) => set with
            {
                SizeElasticity = chosen1.Elasticity,
                Rules = set.Rules with { ImmigrantShare = set.Rules.ImmigrantShare with { ConsiderFactor = chosen1.Factor } },
            };

            var years = reference.Settlements.Select(s => s.Year).Distinct()
                .Where(y => reference.Settlements.Any(s => s.Year == y - 1)).Order().ToList();
            if (years.Count == 0)
            {
                io.Error.WriteLine(T("feil: ingen pseudoår: dataene trenger bosettinger fra to år på rad", "feil: ingen pseudoår: dataa treng busetjingar frå to år på rad"));
                return ExitCodes.InvalidInput;
            }
            int SettledNeed(int year) => reference.Settlements.Where(s => s.Year == year).Sum(s => s.Settled ?? 0);
            var shippedShare = CriteriaJson.ForYear(folder, years[^1]) is { IsSuccess: true } shipped ? shipped.Value.Criteria.Anchor?.Share ?? 0.8m : 0.8m;

            // Stage 2: the request weight predicts requests, so it is chosen against requests only, on a year whose year before
            // has both requests and settled figures (only there does the weight change the pattern). None → the stated prior.
            var weightYears = requestYears.Where(y => reference.KeyFigures.Any(k => k.Year == y - 1 && k.Requested is not null)
                && reference.Settlements.Any(s => s.Year == y - 1)).ToList();
            io.Output.WriteLine(T(
                $"Trinn 2, {Name("continuityAnchor.requestWeight")}: vekten skal forutsi anmodninger og velges derfor bare mot anmodninger, i år der året før har både anmodninger og bosatte",
                $"Trinn 2, {Name("continuityAnchor.requestWeight")}: vekta skal føreseie oppmodingar og blir difor berre vald mot oppmodingar, i år der året før har både oppmodingar og busette"));
            decimal chosenWeight;
            if (weightYears.Count == 0)
            {
                chosenWeight = ContinuityAnchor.RequestWeightPrior;
                io.Output.WriteLine(T(
                    $"ingen slike år i dataene (anmodninger finnes for {string.Join(", ", requestYears)}, og ikke for året før): forhåndsvalgt vekt {N(chosenWeight)} (like vekter), ikke tilpasset",
                    $"ingen slike år i dataa (oppmodingar finst for {string.Join(", ", requestYears)}, og ikkje for året før): førehandsvald vekt {N(chosenWeight)} (like vekter), ikkje tilpassa"));
            }
            else
            {
                io.Output.WriteLine(T("vekt  ", "vekt  ") + string.Join("  ", weightYears.Select(y => Inv($"{y,-15}"))));
                var weightRows = new List<(decimal Weight, double MeanL1, double MeanSpearman)>();
                foreach (var weight in RequestWeights)
                {
                    var cells = new List<(double L1, double Spearman)>();
                    foreach (var year in weightYears)
                    {
                        var file = Directory.GetFiles(folder, Inv($"{Data.Import.KeyFiguresCsv.FilePrefix}{year}.csv")).Single();
                        var need = reference.KeyFigures.Where(k => k.Year == year).Sum(k => k.Requested ?? 0);
                        var report = Evaluate(reference, folder, cache, SettlementYear.Create(year), need, 0, Backtest.Against.Requests, file,
                            set => WithStage1(set) with { Anchor = new ContinuityAnchor(set.Anchor?.Share ?? shippedShare, weight) });
                        if (!report.IsSuccess)
                        {
                            return ExitCodes.Report(report.Errors, io.Error, lang);
                        }
                        cells.Add((report.Value.Model.RelativeL1, report.Value.Model.Spearman));
                    }
                    weightRows.Add((weight, cells.Average(c => c.L1), cells.Average(c => c.Spearman)));
                    io.Output.WriteLine(N(weight).PadLeft(4) + "  " + string.Join("  ", cells.Select(c => $"{F(c.L1)} / {F(c.Spearman)}")));
                }
                chosenWeight = weightRows.OrderBy(r => Math.Round(r.MeanL1, 4)).ThenByDescending(r => r.MeanSpearman).First().Weight;
            }
            io.Output.WriteLine(T(
                $"Til sammenligning mot de bosatte i pseudoårene (velger ikke vekten: målet er de bosatte selv, så «bare bosatte», vekt 0, vinner av konstruksjon), andel {N(shippedShare)}:",
                $"Til samanlikning mot dei busette i pseudoåra (vel ikkje vekta: målet er dei busette sjølve, så «berre busette», vekt 0, vinn av konstruksjon), del {N(shippedShare)}:"));
            io.Output.WriteLine(T("vekt  ", "vekt  ") + string.Join("  ", years.Select(y => Inv($"{y,-15}"))));
            foreach (var weight in RequestWeights)
            {
                var cells = new List<string>();
                foreach (var year in years)
                {
                    var report = Evaluate(reference, folder, cache, SettlementYear.Create(year), SettledNeed(year), 0, Backtest.Against.Settled, null,
                        set => WithStage1(set) with { Anchor = new ContinuityAnchor(shippedShare, weight) });
                    if (!report.IsSuccess)
                    {
                        return ExitCodes.Report(report.Errors, io.Error, lang);
                    }
                    cells.Add($"{F(report.Value.Model.RelativeL1)} / {F(report.Value.Model.Spearman)}");
                }
                io.Output.WriteLine(N(weight).PadLeft(4) + "  " + string.Join("  ", cells));
            }
            io.Output.WriteLine(T($"valgt: {Name("continuityAnchor.requestWeight")} {N(chosenWeight)}", $"vald: {Name("continuityAnchor.requestWeight")} {N(chosenWeight)}"));
            io.Output.WriteLine();

            io.Output.WriteLine(T(
                $"Trinn 3, {Name("continuityAnchor.share")} med vekten {N(chosenWeight)}: pseudoår {string.Join(", ", years)}, modellen per 1. mars Y mot de bosatte i Y (relativ L1 / Spearman)",
                $"Trinn 3, {Name("continuityAnchor.share")} med vekta {N(chosenWeight)}: pseudoår {string.Join(", ", years)}, modellen per 1. mars Y mot dei busette i Y (relativ L1 / Spearman)"));
            io.Output.WriteLine(T("andel  ", "del    ") + string.Join("  ", years.Select(y => Inv($"{y,-15}"))) + T("  snitt L1", "  snitt L1"));
            var rows = new List<(decimal Share, double MeanL1, double MeanSpearman)>();
            var baselines = new Dictionary<int, Backtest.Report>();
            foreach (var share in Shares)
            {
                var cells = new List<(double L1, double Spearman)>();
                foreach (var year in years)
                {
                    var report = Evaluate(reference, folder, cache, SettlementYear.Create(year), SettledNeed(year), 0, Backtest.Against.Settled, null,
                        set => WithStage1(set) with { Anchor = new ContinuityAnchor(share, chosenWeight) });
                    if (!report.IsSuccess)
                    {
                        return ExitCodes.Report(report.Errors, io.Error, lang);
                    }
                    baselines[year] = report.Value;
                    cells.Add((report.Value.Model.RelativeL1, report.Value.Model.Spearman));
                }
                var mean = cells.Average(c => c.L1);
                rows.Add((share, mean, cells.Average(c => c.Spearman)));
                io.Output.WriteLine(N(share).PadLeft(5) + "  " + string.Join("  ", cells.Select(c => $"{F(c.L1)} / {F(c.Spearman)}")) + "  " + mean.ToString("0.0000", Texts.Norwegian));
            }
            foreach (var (year, report) in baselines.OrderBy(b => b.Key))
            {
                foreach (var b in report.Baselines.Where(b => b.Metrics is not null))
                {
                    io.Output.WriteLine($"{b.Label(lang)}, {year}: {F(b.Metrics!.RelativeL1)} / {F(b.Metrics.Spearman)}");
                }
            }
            var best = rows.OrderBy(r => Math.Round(r.MeanL1, 4)).ThenByDescending(r => r.MeanSpearman).First();
            io.Output.WriteLine(T(
                $"valgt: {Name("continuityAnchor.share")} {N(best.Share)}, {Name("continuityAnchor.requestWeight")} {N(chosenWeight)} (snitt relativ L1 {best.MeanL1.ToString("0.0000", Texts.Norwegian)}, snitt Spearman {F(best.MeanSpearman)})",
                $"vald: {Name("continuityAnchor.share")} {N(best.Share)}, {Name("continuityAnchor.requestWeight")} {N(chosenWeight)} (snitt relativ L1 {best.MeanL1.ToString("0.0000", Texts.Norwegian)}, snitt Spearman {F(best.MeanSpearman)})"));
            io.Output.WriteLine();
            CriteriaSet WithStage3(CriteriaSet set) => WithStage1(set) with { Anchor = new ContinuityAnchor(best.Share, chosenWeight) };
            return CalibrateEm(io, lang, codes, reference, folder, cache, years, SettledNeed, WithStage3);
        });
        return command;
    }

    /// <summary>A year's criteria set and profiles, read once per year for the whole grid.</summary>
    private sealed class YearInputs : Dictionary<int, (CriteriaSet Criteria, DataNote? Warning, ProfileBuilder.Profiles Profiles)>;

    private static Domain.Errors.Result<Backtest.Report> Evaluate(ReferenceData reference, string folder, YearInputs cache, SettlementYear year, int need, int em,
        Backtest.Against against, string? actualFile, Func<CriteriaSet, CriteriaSet> adjust)
    {
        if (!cache.TryGetValue(year.Value, out var inputs))
        {
            var criteria = CriteriaJson.ForYear(folder, year.Value);
            if (!criteria.IsSuccess)
            {
                return Domain.Errors.Result<Backtest.Report>.Fail(criteria.Errors);
            }
            var profiles = ProfileBuilder.Build(reference, year, Backtest.DefaultKnowledgeDate(year.Value));
            if (!profiles.IsSuccess)
            {
                return Domain.Errors.Result<Backtest.Report>.Fail(profiles.Errors);
            }
            cache[year.Value] = inputs = (criteria.Value.Criteria, criteria.Value.Warning, profiles.Value);
        }
        var run = AllocationRequest.Create(year, NationalNeed.Create(need, em).Value)
            .Bind(request => CommonOptions.Runner.Allocate(reference, inputs.Profiles, adjust(inputs.Criteria), inputs.Warning, request));
        return run.IsSuccess ? Backtest.Run(run.Value, against, actualFile) : Domain.Errors.Result<Backtest.Report>.Fail(run.Errors);
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string N(decimal value) => value.ToString("0.0#", Texts.Norwegian);

    private static string F(double value) => value.ToString("0.000", Texts.Norwegian);

    private static string P(double value) => (value * 100).ToString("0.0", Texts.Norwegian) + " %";
}
