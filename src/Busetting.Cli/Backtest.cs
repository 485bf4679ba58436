using Busetting.Application;
using System.Globalization;
using Busetting.Data.Import;
using Busetting.Data.Reference;
using Busetting.Domain.Allocation;
using Busetting.Domain.Backtest;
using Busetting.Domain.Errors;

namespace Busetting.Cli;

/// <summary>Compares an allocation with a year's real requests and with two simple baselines.</summary>
public static class Backtest
{
    public sealed record Baseline(string Name, Metrics? Metrics, string? Unavailable);

    public sealed record CountyRow(string County, int Municipalities, double Actual, double Model, double Population, double? LastSettled);

    public sealed record Report(int Year, int Need, int Em, Metrics Model, IReadOnlyList<Baseline> Baselines, IReadOnlyList<CountyRow> Counties, IReadOnlyList<string> Warnings, int Units);

    public static Result<Report> Run(AllocationRunner.Run run, string actualFile)
    {
        var data = run.Data;
        var actual = KeyFiguresCsv.Read(actualFile, data.Municipalities.Select(m => m.Number).ToHashSet(), data.Changes);
        if (!actual.IsSuccess)
        {
            return Result<Report>.Fail(actual.Errors);
        }
        var result = run.Result;
        var rows = actual.Value.Where(r => r.Requested is not null).ToList();
        if (rows.Count < 2)
        {
            return Error.Invalid("backtest.actual", "the file has fewer than two municipalities with a requested number (anmodet)", actualFile);
        }
        if (rows[0].Year != result.Year)
        {
            return Error.Invalid("backtest.year", string.Create(CultureInfo.InvariantCulture, $"the file holds requests for {rows[0].Year}, not {result.Year}"), actualFile);
        }
        var byNumber = result.Municipalities.ToDictionary(m => m.Municipality.Number);
        var profiles = run.Profiles.ToDictionary(p => p.Municipality.Number);
        var need = result.Need.Persons;

        // Comparison units are the municipalities of the actual file's year; several current municipalities may make one.
        var model = rows.Select(r => (double)r.CurrentNumbers.Sum(n => byNumber[n].Requested)).ToList();
        var truth = rows.Select(r => (double)r.Requested!.Value).ToList();
        var population = rows.Select(r => (double)r.CurrentNumbers.Sum(n => profiles[n].Population)).ToList();
        var populationTotal = population.Sum();
        var populationBaseline = population.Select(p => need * p / populationTotal).ToList();

        var lastYear = result.Year - 1;
        var settled = rows.Select(r => (double)r.CurrentNumbers.Sum(n => profiles[n].History.FirstOrDefault(h => h.Year == lastYear)?.Settled ?? 0)).ToList();
        var settledTotal = settled.Sum();
        List<double>? settledBaseline = settledTotal > 0 ? settled.Select(s => need * s / settledTotal).ToList() : null;

        var baselines = new List<Baseline>
        {
            new("population", Metrics.Compare(populationBaseline, truth), null),
            settledBaseline is null
                ? new("lastYearSettled", null, string.Create(CultureInfo.InvariantCulture, $"no settlements of {lastYear} in the data folder (import IMDi's table for {lastYear} to enable this baseline)"))
                : new("lastYearSettled", Metrics.Compare(settledBaseline, truth), null),
        };
        var counties = rows.Select((r, i) => (r.County, i)).GroupBy(x => x.County).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CountyRow(g.Key, g.Count(), g.Sum(x => truth[x.i]), g.Sum(x => model[x.i]), g.Sum(x => populationBaseline[x.i]),
                settledBaseline is null ? null : g.Sum(x => settledBaseline[x.i])))
            .ToList();
        return new Report(result.Year, need, result.Need.Em, Metrics.Compare(model, truth), baselines, counties, result.Warnings, rows.Count);
    }
}
