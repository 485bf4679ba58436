using System.Text;
using Busetting.Data.Import;
using Busetting.Domain.Backtest;

namespace Busetting.Cli;

/// <summary>
/// Compares an allocation with a year's real requests (IMDi's key-figure table) or, for a pseudo-year, with where
/// refugees were really settled that year — and with two baselines that know no more than the model did.
/// </summary>
public static class Backtest
{
    public enum Against
    {
        /// <summary>IMDi's requests (anmodet) of the year, from a key-figure table.</summary>
        Requests,
        /// <summary>The refugees really settled that year (the shipped settlement series): a pseudo-year.</summary>
        Settled,
    }

    /// <summary>A note of the back-test in both written standards, and in English for the JSON output.</summary>
    public sealed record Remark(string Technical, string Nb, string Nn)
    {
        public static Remark Of(DataNote note) => new(note.Technical, DataNoteTexts.Say(note, WrittenStandard.Nb), DataNoteTexts.Say(note, WrittenStandard.Nn));

        public string Say(WrittenStandard language) => language == WrittenStandard.Nn ? Nn : Nb;
    }

    public sealed record Baseline(string Name, Metrics? Metrics, Remark? Unavailable)
    {
        /// <summary>The baseline's name for a reader: "Grunnlinje: folketall".</summary>
        public string Label(WrittenStandard language) => (Name, language) switch
        {
            ("population", WrittenStandard.Nn) => "Grunnlinje: folketal",
            ("population", _) => "Grunnlinje: folketall",
            (_, WrittenStandard.Nn) => "Grunnlinje: busette i fjor",
            _ => "Grunnlinje: bosatte i fjor",
        };
    }

    public sealed record CountyRow(string County, int Municipalities, double Actual, double Model, double Population, double? LastSettled);

    public sealed record EmMetrics(int ActualMunicipalities, int ModelMunicipalities, int Matched, double RelativeL1);

    public sealed record Unit(string Kommunenummer, string Name, string County, int Actual, int Model, int Population, int? LastSettled, string BindingRules);

    /// <param name="EmSettled">A pseudo-year's EM against the EM really settled (suppressed counts as 1–4), when the EM need is above 0 and the year has EM figures.</param>
    /// <param name="LargestCities">The cities whose share of the EM is compared: the <see cref="LargestCityCount"/> most populous.</param>
    public sealed record Report(int Year, int Need, int Em, Against Against, DateOnly KnowledgeDate, Metrics Model, IReadOnlyList<Baseline> Baselines,
        IReadOnlyList<CountyRow> Counties, IReadOnlyList<Remark> Warnings, IReadOnlyList<Unit> Units, EmMetrics? Em_,
        EmComparison? EmSettled = null, IReadOnlyList<string>? LargestCities = null);

    /// <summary>How many of the most populous municipalities count as "the largest cities" in the EM comparison (Oslo, Bergen, Trondheim, Stavanger).</summary>
    public const int LargestCityCount = 4;

    /// <summary>
    /// The default knowledge date of a back-test: 1 March of the year. IMDi's key-figure tables hold the final requests,
    /// which are set after the spring revision (2022: the requests of 18 March 2022; 2023: raised to 38 000; 2025: cut
    /// mid-year), so the back-test asks what the model would have said then; a whole year Y−1 is known by that date.
    /// </summary>
    public static DateOnly DefaultKnowledgeDate(int year) => new(year, 3, 1);

    /// <summary>The data folder's IMDi key-figure table for <paramref name="year"/>, or null when none is shipped.</summary>
    public static string? ShippedActual(string folder, int year)
    {
        var file = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"{KeyFiguresCsv.FilePrefix}{year}.csv"));
        return File.Exists(file) ? file : null;
    }

    /// <summary>
    /// The target's own total, at which the model is allocated when no need is given: Σ requests of the key-figure table,
    /// or Σ settled of the year in the data. Comparing at the target's own total keeps a level difference out of every
    /// municipality's figure.
    /// </summary>
    public static Result<int> TargetTotal(ReferenceData data, int year, Against against, string? actualFile)
    {
        if (against == Against.Requests)
        {
            if (actualFile is null)
            {
                return Error.Invalid("backtest.actual", string.Create(CultureInfo.InvariantCulture, $"no requests of {year} in the data folder: give --actual FILE")) with { Values = new Dictionary<string, object> { ["year"] = year } };
            }
            var rows = KeyFiguresCsv.Read(actualFile, data.Municipalities.Select(m => m.Number).ToHashSet(), data.Changes);
            return rows.IsSuccess ? rows.Value.Sum(r => r.Requested ?? 0) : Result<int>.Fail(rows.Errors);
        }
        var settled = data.Settlements.Where(s => s.Year == year).ToList();
        return settled.Count == 0
            ? Error.Invalid("backtest.settled", string.Create(CultureInfo.InvariantCulture, $"no settlements of {year} in the data folder")) with { Values = new Dictionary<string, object> { ["year"] = year } }
            : settled.Sum(s => s.Settled ?? 0);
    }

    /// <summary>
    /// Allocates <paramref name="year"/> as of <paramref name="asOf"/> (default 1 March of the year) at <paramref name="need"/>,
    /// or at the target's own total when it is null, and compares the result with the target.
    /// </summary>
    public static Result<Report> Allocate(IAllocationRunner runner, string folder, ReferenceData data, int year, int? need, int em, int? planNeed,
        DateOnly? asOf, Against against, string? actualFile)
    {
        Result<int> total = need is { } given ? given : TargetTotal(data, year, against, actualFile);
        return total
            .Bind(persons => AllocationRequest.Create(year, persons, em, planNeed, asOf ?? DefaultKnowledgeDate(year)))
            .Bind(request => runner.Allocate(folder, request))
            .Bind(run => Run(run, against, actualFile));
    }

    public static Result<Report> Run(AllocationRunner.Run run, Against against, string? actualFile)
    {
        var result = run.Result;
        var data = run.Data;
        var byNumber = result.Municipalities.ToDictionary(m => m.Municipality.Number);
        var profiles = run.Profiles.ToDictionary(p => p.Municipality.Number);
        var warnings = result.Warnings.Select(Remark.Of).ToList();

        // Comparison units: for requests, the municipalities of the actual file's year (several current ones may make
        // one); for settlements, today's municipalities. A municipality without a figure counts as 0, never dropped.
        List<(string Number, string Name, string County, IReadOnlyList<MunicipalityNumber> Current, int Actual, int? ActualEm)> units;
        if (against == Against.Requests)
        {
            if (actualFile is null)
            {
                return Error.Invalid("backtest.actual", "--actual FILE is required when comparing with requests");
            }
            var actual = KeyFiguresCsv.Read(actualFile, data.Municipalities.Select(m => m.Number).ToHashSet(), data.Changes);
            if (!actual.IsSuccess)
            {
                return Result<Report>.Fail(actual.Errors);
            }
            if (actual.Value[0].Year != result.Year)
            {
                return Error.Invalid("backtest.year", string.Create(CultureInfo.InvariantCulture, $"the file holds requests for {actual.Value[0].Year}, not {result.Year}"), actualFile)
                    with { Values = new Dictionary<string, object> { ["fileYear"] = actual.Value[0].Year, ["year"] = result.Year, ["file"] = actualFile } };
            }
            units = actual.Value.Select(r => (r.Number.Value, r.Name, r.County, r.CurrentNumbers, r.Requested ?? 0, r.RequestedEm)).ToList();
            var covered = units.SelectMany(u => u.Current).ToHashSet();
            foreach (var missing in result.Municipalities.Where(m => !covered.Contains(m.Municipality.Number) && m.Requested > 0))
            {
                units.Add((missing.Municipality.Number.Value, missing.Municipality.Name, missing.Municipality.CountyName, [missing.Municipality.Number], 0, null));
                var who = $"{missing.Municipality.Number} {missing.Municipality.Name}";
                warnings.Add(new Remark($"{who} is not in the actual file: counted as 0",
                    $"{who} finnes ikke i fila med de faktiske tallene: regnet som 0.", $"{who} finst ikkje i fila med dei faktiske tala: rekna som 0."));
            }
        }
        else
        {
            var settled = data.Settlements.Where(s => s.Year == result.Year).ToDictionary(s => s.Municipality);
            if (settled.Count == 0)
            {
                return Error.Invalid("backtest.settled", string.Create(CultureInfo.InvariantCulture, $"no settlements of {result.Year} in the data folder")) with { Values = new Dictionary<string, object> { ["year"] = result.Year } };
            }
            if (settled.Values.FirstOrDefault(s => s.Until is not null) is { Until: { } until })
            {
                warnings.Add(new Remark(string.Create(CultureInfo.InvariantCulture, $"settlements of {result.Year} cover only up to {until:yyyy-MM-dd}"),
                    $"Bosettingene i {result.Year} gjelder bare til og med {DataNoteTexts.Day(until)}.", $"Busetjingane i {result.Year} gjeld berre til og med {DataNoteTexts.Day(until)}."));
            }
            units = result.Municipalities.Select(m => (m.Municipality.Number.Value, m.Municipality.Name, m.Municipality.CountyName,
                (IReadOnlyList<MunicipalityNumber>)[m.Municipality.Number], settled.GetValueOrDefault(m.Municipality.Number)?.Settled ?? 0, (int?)null)).ToList();
        }
        var truthTotal = units.Sum(u => u.Actual);
        if (truthTotal != result.Need.Persons)
        {
            warnings.Add(new Remark(string.Create(CultureInfo.InvariantCulture,
                $"--need {result.Need.Persons} differs from the actual total {truthTotal}: the comparison mixes a level difference into every municipality"),
                $"Behovet ({Texts.Number(result.Need.Persons)}) er ulikt den faktiske summen ({Texts.Number(truthTotal)}): sammenligningen blander en nivåforskjell inn i hver kommune.",
                $"Behovet ({Texts.Number(result.Need.Persons)}) er ulikt den faktiske summen ({Texts.Number(truthTotal)}): samanlikninga blandar ein nivåskilnad inn i kvar kommune."));
        }

        var floor = run.Criteria.Rules.Floor;
        var need = result.Need.Persons;
        var participants = run.Profiles.Where(p => p.NotSeparateReason is null).ToList();
        var population = FlooredApportion(participants.Select(p => (p.Municipality.Number, (double)p.Population)).ToList(), need, floor);
        var lastYear = result.Year - 1;
        var lastSettled = participants.Select(p => (p.Municipality.Number, (double)(p.History.FirstOrDefault(h => h.Year == lastYear)?.Settled ?? 0))).ToList();
        var settledBaseline = lastSettled.Sum(s => s.Item2) > 0 ? FlooredApportion(lastSettled, need, floor) : null;

        int Sum(IReadOnlyList<MunicipalityNumber> numbers, Func<MunicipalityNumber, int> value) => numbers.Sum(value);
        var truth = units.Select(u => (double)u.Actual).ToList();
        var model = units.Select(u => (double)Sum(u.Current, n => byNumber[n].Requested)).ToList();
        var populationValues = units.Select(u => (double)Sum(u.Current, n => population.GetValueOrDefault(n))).ToList();
        var settledValues = settledBaseline is null ? null : units.Select(u => (double)Sum(u.Current, n => settledBaseline.GetValueOrDefault(n))).ToList();

        var baselines = new List<Baseline>
        {
            new("population", Metrics.Compare(populationValues, truth), null),
            settledValues is null
                ? new("lastYearSettled", null, new Remark(string.Create(CultureInfo.InvariantCulture,
                    $"no settlements of {lastYear} known on {run.KnowledgeDate:yyyy-MM-dd} (a whole year is known from 1 February after it)"),
                    $"ingen bosettinger fra {lastYear} kjent {DataNoteTexts.Day(run.KnowledgeDate)} (et helt år er kjent fra 1. februar året etter)",
                    $"ingen busetjingar frå {lastYear} kjende {DataNoteTexts.Day(run.KnowledgeDate)} (eit heilt år er kjent frå 1. februar året etter)"))
                : new("lastYearSettled", Metrics.Compare(settledValues, truth), null),
        };
        var counties = units.Select((u, i) => (u.County, i)).GroupBy(x => x.County).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CountyRow(g.Key, g.Count(), g.Sum(x => truth[x.i]), g.Sum(x => model[x.i]), g.Sum(x => populationValues[x.i]),
                settledValues is null ? null : g.Sum(x => settledValues[x.i])))
            .ToList();
        var rows = units.Select((u, i) => new Unit(u.Number, u.Name, u.County, u.Actual, (int)model[i], (int)populationValues[i], settledValues is null ? null : (int)settledValues[i],
            string.Join(" ", u.Current.SelectMany(n => byNumber[n].Explanation.BindingRules).Distinct()))).ToList();
        EmMetrics? em = null;
        if (units.Any(u => u.ActualEm is not null))
        {
            var actualEm = units.Select(u => u.ActualEm ?? 0).ToList();
            var modelEm = units.Select(u => Sum(u.Current, n => byNumber[n].RequestedEm)).ToList();
            em = new EmMetrics(actualEm.Count(v => v > 0), modelEm.Count(v => v > 0), actualEm.Zip(modelEm).Count(p => p.First > 0 && p.Second > 0),
                Metrics.RelativeL1Of(modelEm.Select(v => (double)v).ToList(), actualEm.Select(v => (double)v).ToList()));
        }
        var (emSettled, largestCities) = against == Against.Settled ? EmAgainstSettled(run, warnings) : (null, null);
        return new Report(result.Year, need, result.Need.Em, against, run.KnowledgeDate, Metrics.Compare(model, truth), baselines, counties, warnings, rows, em,
            emSettled, largestCities);
    }

    /// <summary>
    /// A pseudo-year's EM: the model's EM per municipality against the EM really settled that year, each suppressed count
    /// kept as 1–4; the largest cities are the most populous on the knowledge date. None when the EM need is 0 or the
    /// year has no EM figures.
    /// </summary>
    private static (EmComparison?, IReadOnlyList<string>?) EmAgainstSettled(AllocationRunner.Run run, List<Remark> warnings)
    {
        var result = run.Result;
        var year = result.Year;
        var records = run.Data.Settlements.Where(s => s.Year == year && (s.SettledEm is not null || s.EmSuppressed)).ToDictionary(s => s.Municipality);
        if (result.Need.Em == 0 || records.Count == 0)
        {
            return (null, null);
        }
        if (records.Values.FirstOrDefault(s => s.EmUntil is not null) is { EmUntil: { } until })
        {
            warnings.Add(new Remark(string.Create(CultureInfo.InvariantCulture, $"EM settled in {year} cover only up to {until:yyyy-MM-dd}"),
                $"EM bosatt i {year} gjelder bare til og med {DataNoteTexts.Day(until)}.", $"EM busette i {year} gjeld berre til og med {DataNoteTexts.Day(until)}."));
        }
        var population = run.Profiles.ToDictionary(p => p.Municipality.Number, p => p.Population);
        var largest = result.Municipalities.OrderByDescending(m => population.GetValueOrDefault(m.Municipality.Number)).Take(LargestCityCount)
            .Select(m => m.Municipality.Number).ToHashSet();
        var lines = result.Municipalities;
        var actual = lines.Select(m => records.GetValueOrDefault(m.Municipality.Number) is { } r
            ? r.EmSuppressed ? EmCount.Suppressed : EmCount.Exact(r.SettledEm ?? 0)
            : EmCount.Exact(0)).ToList();
        var comparison = EmComparison.Of(lines.Select(m => m.RequestedEm).ToList(), actual, lines.Select(m => largest.Contains(m.Municipality.Number)).ToList());
        var names = lines.Where(m => largest.Contains(m.Municipality.Number)).OrderByDescending(m => population.GetValueOrDefault(m.Municipality.Number))
            .Select(m => m.Municipality.Name).ToList();
        return (comparison, names);
    }

    /// <summary>Per municipality: model, actual, each baseline and the binding rules, as CSV (UTF-8, comma, header).</summary>
    public static string DetailsCsv(Report report)
    {
        var csv = new StringBuilder("kommunenummer,kommune,fylke,faktisk,modell,grunnlinje_folketall,grunnlinje_bosatte_i_fjor,bindande_reglar\n");
        foreach (var u in report.Units)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{u.Kommunenummer},{Quote(u.Name)},{Quote(u.County)},{u.Actual},{u.Model},{u.Population},{u.LastSettled?.ToString(CultureInfo.InvariantCulture) ?? ""},{Quote(u.BindingRules)}\n");
        }
        return csv.ToString();
    }

    private static string Quote(string text) => text.Contains(',') || text.Contains('"') ? $"\"{text.Replace("\"", "\"\"")}\"" : text;

    /// <summary>
    /// A baseline made the way the model makes numbers: those with weight get max(floor, λ × weight) with one λ so the
    /// total is the need, then whole persons by largest remainder (the floor is dropped when it alone exceeds the need).
    /// </summary>
    public static Dictionary<MunicipalityNumber, int> FlooredApportion(IReadOnlyList<(MunicipalityNumber Number, double Weight)> weights, int need, int floor)
    {
        var asked = weights.Where(w => w.Weight > 0).ToList();
        var useFloor = (long)floor * asked.Count <= need ? floor : 0;
        double Total(double lambda) => asked.Sum(w => Math.Max(useFloor, lambda * w.Weight));
        double low = 0, high = need / asked.Sum(w => w.Weight) + 1;
        for (var i = 0; i < 200 && high - low > 1e-12 * high; i++)
        {
            var mid = (low + high) / 2;
            if (Total(mid) > need)
            {
                high = mid;
            }
            else
            {
                low = mid;
            }
        }
        var continuous = asked.Select(w => Math.Max(useFloor, low * w.Weight)).ToList();
        var whole = Apportion.LargestRemainder(continuous, need);
        return asked.Select((w, i) => (w.Number, whole[i])).ToDictionary(x => x.Number, x => x.Item2);
    }
}
