using Busetting.Data.Criteria;
using Busetting.Domain.Backtest;
using Busetting.Domain.Criteria;

namespace Busetting.Cli.Commands;

/// <summary>Stage 4 of <see cref="CalibrateCommand"/>: the EM shape on the pseudo-years with a whole year of EM settled.</summary>
public static partial class CalibrateCommand
{
    /// <summary>
    /// Stage 4, the EM shape (the viable minimum per EM municipality and the weight of EM history against EM grants) on the
    /// pseudo-years whose EM settled cover the whole year: the model as of 1 March Y against the EM really settled in Y,
    /// suppressed counts kept as 1–4. The real EM total lies between the two ends (every suppressed count 1, every one 4),
    /// so each shape is run at both ends; the lowest mean share of EM that must move at the least wins (ties: the larger
    /// minimum, the unit a municipality can staff).
    /// </summary>
    private static int CalibrateEm(CommandIo io, WrittenStandard lang, bool codes, ReferenceData reference, string folder, YearInputs cache, IReadOnlyList<int> years,
        Func<int, int> settledNeed, Func<CriteriaSet, CriteriaSet> adjust)
    {
        string T(string nb, string nn) => lang == WrittenStandard.Nn ? nn : nb;
        string Name(string code) => Parameter(code, lang, codes);
        var shippedMinimum = CriteriaJson.ForYear(folder, years[^1]) is { IsSuccess: true } shipped ? shipped.Value.Criteria.Rules.Em.MinimumPerMunicipality : 3;
        var emYears = years.Where(y => reference.Settlements.Any(s => s.Year == y && (s.SettledEm > 0 || s.EmSuppressed))
            && reference.Settlements.Where(s => s.Year == y).All(s => s.EmUntil is null)).ToList();
        foreach (var partial in years.Except(emYears))
        {
            var until = reference.Settlements.FirstOrDefault(s => s.Year == partial && s.EmUntil is not null)?.EmUntil;
            io.Output.WriteLine(until is { } day
                ? T($"EM {partial}: tallene gjelder bare til og med {DataNoteTexts.Day(day)} — ikke et helt år, brukes ikke", $"EM {partial}: tala gjeld berre til og med {DataNoteTexts.Day(day)} — ikkje eit heilt år, blir ikkje brukte")
                : T($"EM {partial}: ingen EM-tall — brukes ikke", $"EM {partial}: ingen EM-tal — blir ikkje brukte"));
        }
        if (emYears.Count == 0)
        {
            io.Output.WriteLine(T("Trinn 4, EM: ingen pseudoår med EM-tall for et helt år — EM-formen er ikke valgt", "Trinn 4, EM: ingen pseudoår med EM-tal for eit heilt år — EM-forma er ikkje vald"));
            return ExitCodes.Success;
        }
        io.Output.WriteLine(T(
            $"Trinn 4, EM-formen ({Name("em.minimumPerMunicipality")}, {Name("em.historyWeight")}): pseudoår {string.Join(", ", emYears)}, modellen per 1. mars Y mot EM bosatt i Y, kjørt ved begge ender av den ukjente summen (prikkede tall som 1 og som 4)",
            $"Trinn 4, EM-forma ({Name("em.minimumPerMunicipality")}, {Name("em.historyWeight")}): pseudoår {string.Join(", ", emYears)}, modellen per 1. mars Y mot EM busette i Y, køyrd ved begge endane av den ukjende summen (prikka tal som 1 og som 4)"));
        io.Output.WriteLine(T(
            "minimum  historie  år    EM-behov  kommuner  per kommune  de største byene  minst flyttet",
            "minimum  historie  år    EM-behov  kommunar  per kommune  dei største byane  minst flytta"));
        var results = new List<(int Minimum, decimal History, double MeanMoved)>();
        foreach (var minimum in EmMinimums)
        {
            foreach (var history in EmHistoryWeights)
            {
                var moved = new List<double>();
                foreach (var year in emYears)
                {
                    var ends = EmEnds(reference, year);
                    foreach (var em in ends)
                    {
                        var report = Evaluate(reference, folder, cache, SettlementYear.Create(year), settledNeed(year), em, Backtest.Against.Settled, null,
                            set => adjust(set) with { Rules = set.Rules with { Em = set.Rules.Em with { MinimumPerMunicipality = minimum, HistoryWeight = history } } });
                        if (!report.IsSuccess)
                        {
                            return ExitCodes.Report(report.Errors, io.Error, lang);
                        }
                        var e = report.Value.EmSettled!;
                        moved.Add(e.IntervalRelativeL1);
                        io.Output.WriteLine($"{minimum,7}  {N(history),8}  {year}  {em,8}  {e.ModelMunicipalities,8}  {Texts.Number(e.ModelPerMunicipality, 1),11}  {P(e.ModelLargestShare),16}  {P(e.IntervalRelativeL1),13}");
                    }
                }
                results.Add((minimum, history, moved.Average()));
            }
        }
        foreach (var year in emYears)
        {
            var report = Evaluate(reference, folder, cache, SettlementYear.Create(year), settledNeed(year), EmEnds(reference, year)[0], Backtest.Against.Settled, null, adjust);
            if (report.IsSuccess && report.Value.EmSettled is { } e)
            {
                io.Output.WriteLine(T(
                    $"bosatt {year}: {e.ActualMunicipalities} kommuner ({e.SuppressedMunicipalities} prikket), {Texts.Number(e.ActualLow)}–{Texts.Number(e.ActualHigh)} EM, {Texts.Number(e.ActualLow / (double)e.ActualMunicipalities, 1)}–{Texts.Number(e.ActualHigh / (double)e.ActualMunicipalities, 1)} per kommune; de {Backtest.LargestCityCount} største byene ({string.Join(", ", report.Value.LargestCities ?? [])}) {P(e.ActualLargestShareLow)}–{P(e.ActualLargestShareHigh)}",
                    $"busett {year}: {e.ActualMunicipalities} kommunar ({e.SuppressedMunicipalities} prikka), {Texts.Number(e.ActualLow)}–{Texts.Number(e.ActualHigh)} EM, {Texts.Number(e.ActualLow / (double)e.ActualMunicipalities, 1)}–{Texts.Number(e.ActualHigh / (double)e.ActualMunicipalities, 1)} per kommune; dei {Backtest.LargestCityCount} største byane ({string.Join(", ", report.Value.LargestCities ?? [])}) {P(e.ActualLargestShareLow)}–{P(e.ActualLargestShareHigh)}"));
            }
        }
        // The viable minimum is a unit a municipality can staff: it predicts requests, not settlements (a municipality may
        // settle 1–4 EM no request asked for), so it is not chosen on the settled; the history weight is.
        var best = results.OrderBy(r => Math.Round(r.MeanMoved, 4)).ThenByDescending(r => r.Minimum).ThenBy(r => r.History).First();
        var chosen = results.Where(r => r.Minimum == shippedMinimum).OrderBy(r => Math.Round(r.MeanMoved, 4)).ThenBy(r => r.History).First();
        io.Output.WriteLine(T(
            $"mot de bosatte alene vinner minimum {best.Minimum} (historie {N(best.History)}, {P(best.MeanMoved)}): små bosettinger som ingen anmodning beskriver, teller med; minimum er en bemanningsenhet, velges ikke her og sjekkes mot IMDis anmodninger (docs/model.md)",
            $"mot dei busette åleine vinn minimum {best.Minimum} (historie {N(best.History)}, {P(best.MeanMoved)}): små busetjingar som inga oppmoding skildrar, tel med; minimum er ei bemanningseining, blir ikkje vald her og blir sjekka mot oppmodingane frå IMDi (docs/model.md)"));
        io.Output.WriteLine(T(
            $"valgt: {Name("em.historyWeight")} {N(chosen.History)} ved {Name("em.minimumPerMunicipality")} {shippedMinimum} fra kriteriefilen (snitt minst flyttet {P(chosen.MeanMoved)})",
            $"vald: {Name("em.historyWeight")} {N(chosen.History)} ved {Name("em.minimumPerMunicipality")} {shippedMinimum} frå kriteriefila (snitt minst flytta {P(chosen.MeanMoved)})"));
        return ExitCodes.Success;
    }

    /// <summary>The two ends of a year's real EM total: every suppressed count at 1, and at 4.</summary>
    private static int[] EmEnds(ReferenceData reference, int year)
    {
        var records = reference.Settlements.Where(s => s.Year == year).ToList();
        var known = records.Sum(s => s.SettledEm ?? 0);
        var suppressed = records.Count(s => s.EmSuppressed);
        return [known + suppressed * EmCount.Suppressed.Low, known + suppressed * EmCount.Suppressed.High];
    }
}
