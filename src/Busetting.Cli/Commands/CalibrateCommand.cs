using Busetting.Data.Criteria;
using Busetting.Data.Profiles;
using Busetting.Domain.Criteria;

namespace Busetting.Cli.Commands;

/// <summary>
/// Chooses the model's global parameters the time-honest way, on the shipped data only, in two stages. 1) The criteria
/// (size elasticity, immigrant-share factor) against IMDi's real requests of every year with a key-figure table, run as
/// of 1 March of that year. 2) The continuity anchor (share, request weight) on pseudo-years: for every year Y whose
/// settlements and whose Y−1 settlements are both in the data, the model as of 1 March Y against where refugees were
/// really settled in Y. In each stage the grid value with the lowest mean relative L1 wins (ties: higher Spearman).
/// Nothing is fitted to a single municipality.
/// </summary>
public static class CalibrateCommand
{
    public static readonly decimal[] Shares = [0m, 0.1m, 0.2m, 0.3m, 0.4m, 0.5m, 0.6m, 0.7m, 0.8m, 0.9m, 1m];

    public static readonly decimal[] RequestWeights = [0m, 0.25m, 0.5m, 0.75m, 1m];

    public static readonly decimal[] Elasticities = [0.6m, 0.7m, 0.8m, 0.9m, 1m];

    public static readonly decimal[] ImmigrantFactors = [0.25m, 0.5m, 0.75m, 1m];

    public static Command Create(CommandIo io)
    {
        var data = new DataOption();
        var command = new Command("calibrate", "Choose the continuity anchor (share, request weight) on pseudo-years of the shipped data");
        command.AddOptions(data.Option);
        command.SetAction(parse =>
        {
            var loaded = data.Load(parse);
            if (!loaded.IsSuccess)
            {
                return ExitCodes.Report(loaded.Errors, io.Error);
            }
            var reference = loaded.Value;
            var folder = reference.Folder;
            var cache = new YearInputs();
            var requestYears = reference.KeyFigures.Where(k => k.Requested is not null).Select(k => k.Year).Distinct().Order().ToList();
            io.Output.WriteLine(Inv($"Stage 1, the criteria: the model as of 1 March Y against IMDi's requests of {string.Join(", ", requestYears)} (relative L1 / Spearman)"));
            io.Output.WriteLine("sizeElasticity  immigrantFactor  " + string.Join("  ", requestYears.Select(y => Inv($"{y,-15}"))));
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
                        var report = Evaluate(reference, folder, cache, SettlementYear.Create(year), need, Backtest.Against.Requests, file,
                            set => set with { SizeElasticity = elasticity, Rules = set.Rules with { ImmigrantShare = set.Rules.ImmigrantShare with { ConsiderFactor = factor } } });
                        if (!report.IsSuccess)
                        {
                            return ExitCodes.Report(report.Errors, io.Error);
                        }
                        cells.Add((report.Value.Model.RelativeL1, report.Value.Model.Spearman));
                    }
                    stage1.Add((elasticity, factor, cells.Average(c => c.L1), cells.Average(c => c.Spearman)));
                    io.Output.WriteLine(Inv($"{elasticity,14:0.0}  {factor,15:0.00}  ") + string.Join("  ", cells.Select(c => Inv($"{c.L1:0.000} / {c.Spearman:0.000}"))));
                }
            }
            var chosen1 = stage1.OrderBy(r => Math.Round(r.MeanL1, 4)).ThenByDescending(r => r.MeanSpearman).First();
            io.Output.WriteLine(Inv($"chosen: sizeElasticity {chosen1.Elasticity:0.0}, immigrantFactor {chosen1.Factor:0.00} (mean relative L1 {chosen1.MeanL1:0.0000}, mean Spearman {chosen1.MeanSpearman:0.000})"));
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
                io.Error.WriteLine("error: no pseudo-year: the data needs settlements of two consecutive years");
                return ExitCodes.InvalidInput;
            }
            io.Output.WriteLine(Inv($"Stage 2, the anchor: pseudo-years {string.Join(", ", years)}: the model as of 1 March Y against the refugees settled in Y (relative L1 / Spearman)"));
            io.Output.WriteLine("share  requestWeight  " + string.Join("  ", years.Select(y => Inv($"{y,-15}"))) + "  mean L1");
            var rows = new List<(decimal Share, decimal Weight, double MeanL1, double MeanSpearman)>();
            var baselines = new Dictionary<int, Backtest.Report>();
            foreach (var share in Shares)
            {
                foreach (var weight in share == 0 ? [0m] : RequestWeights)
                {
                    var cells = new List<(double L1, double Spearman)>();
                    foreach (var year in years)
                    {
                        var need = reference.Settlements.Where(s => s.Year == year).Sum(s => s.Settled ?? 0);
                        var report = Evaluate(reference, folder, cache, SettlementYear.Create(year), need, Backtest.Against.Settled, null,
                            set => WithStage1(set) with { Anchor = new ContinuityAnchor(share, weight) });
                        if (!report.IsSuccess)
                        {
                            return ExitCodes.Report(report.Errors, io.Error);
                        }
                        baselines[year] = report.Value;
                        cells.Add((report.Value.Model.RelativeL1, report.Value.Model.Spearman));
                    }
                    var mean = cells.Average(c => c.L1);
                    rows.Add((share, weight, mean, cells.Average(c => c.Spearman)));
                    io.Output.WriteLine(Inv($"{share,5:0.0}  {weight,13:0.00}  ") + string.Join("  ", cells.Select(c => Inv($"{c.L1:0.000} / {c.Spearman:0.000}"))) + Inv($"  {mean:0.0000}"));
                }
            }
            foreach (var (year, report) in baselines.OrderBy(b => b.Key))
            {
                foreach (var b in report.Baselines.Where(b => b.Metrics is not null))
                {
                    io.Output.WriteLine(Inv($"baseline {b.Name}, {year}: {b.Metrics!.RelativeL1:0.000} / {b.Metrics.Spearman:0.000}"));
                }
            }
            var best = rows.OrderBy(r => Math.Round(r.MeanL1, 4)).ThenByDescending(r => r.MeanSpearman).First();
            io.Output.WriteLine(Inv($"chosen: share {best.Share:0.0}, requestWeight {best.Weight:0.00} (mean relative L1 {best.MeanL1:0.0000}, mean Spearman {best.MeanSpearman:0.000})"));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>A year's criteria set and profiles, read once per year for the whole grid.</summary>
    private sealed class YearInputs : Dictionary<int, (CriteriaSet Criteria, DataNote? Warning, ProfileBuilder.Profiles Profiles)>;

    private static Domain.Errors.Result<Backtest.Report> Evaluate(ReferenceData reference, string folder, YearInputs cache, SettlementYear year, int need,
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
        var run = AllocationRequest.Create(year, NationalNeed.Create(need, 0).Value)
            .Bind(request => CommonOptions.Runner.Allocate(reference, inputs.Profiles, adjust(inputs.Criteria), inputs.Warning, request));
        return run.IsSuccess ? Backtest.Run(run.Value, against, actualFile) : Domain.Errors.Result<Backtest.Report>.Fail(run.Errors);
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
