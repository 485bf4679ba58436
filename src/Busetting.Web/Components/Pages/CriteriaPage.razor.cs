using System.Globalization;
using Busetting.Data.Criteria;
using Busetting.Domain.Criteria;
using Microsoft.AspNetCore.Components;

namespace Busetting.Web.Components.Pages;

public partial class CriteriaPage
{
    /// <summary>Which input each error code points to (the error summary links there); weights by criterion.</summary>
    private Dictionary<string, string> ErrorFields => new Dictionary<string, string>
    {
        ["floor"] = "floor", ["criteria.reason"] = "creason", ["anchorShare"] = "r-anchor", ["anchorRequestWeight"] = "r-anchor-req", ["decisionFactor"] = "r-decision",
        ["capacity"] = "r-capacity", ["immigrantThreshold"] = "r-immigrant", ["continuityDecrease"] = "r-down", ["continuityIncrease"] = "r-up",
        ["exception.kommunenummer"] = "exceptions", ["exception.reason"] = "exceptions", ["exception.floor"] = "exceptions", ["exception.max"] = "exceptions", ["criteria.weights-sum"] = _set?.Criteria.FirstOrDefault() is { } first ? "w-" + first.Id : "creason",
    }.Concat((_set?.Criteria ?? []).SelectMany(c => new[] { KeyValuePair.Create("weight." + c.Id, "w-" + c.Id), KeyValuePair.Create("criteria.weight-negative:" + c.Id, "w-" + c.Id) }))
     .ToDictionary();

    [SupplyParameterFromQuery(Name = "lagra")] public string? Done { get; set; }
    [SupplyParameterFromForm(FormName = "vekter")] public WeightFields? WeightsForm { get; set; }
    [SupplyParameterFromForm(FormName = "json")] public JsonFields? JsonForm { get; set; }

    public sealed class WeightFields { public Dictionary<string, string>? Weights { get; set; } public string? Floor { get; set; } public string? Reason { get; set; } public int Expected { get; set; } }
    public sealed class JsonFields { public string? Json { get; set; } public string? Reason { get; set; } public int Expected { get; set; } }

    [SupplyParameterFromForm(FormName = "reglar")] public RuleFields? RulesForm { get; set; }

    public sealed class RuleFields
    {
        public string? CapacityMultiple { get; set; }
        public string? AnchorShare { get; set; }
        public string? AnchorRequestWeight { get; set; }
        public string? DecisionFactor { get; set; }
        public string? ImmigrantThreshold { get; set; }
        public string? ContinuityDecrease { get; set; }
        public string? ContinuityIncrease { get; set; }
        public List<ExceptionFields>? Exceptions { get; set; }
        public string? Reason { get; set; }
        public int Expected { get; set; }
    }

    public sealed class ExceptionFields
    {
        public string? Kommunenummer { get; set; }
        public string? Floor { get; set; }
        public string? Max { get; set; }
        public bool Exclude { get; set; }
        public bool AlwaysAsk { get; set; }
        public string? Reason { get; set; }
        public bool Remove { get; set; }
    }

    private string ImmigrantText(ImmigrantShareRule rule) => rule.Mode switch
    {
        ImmigrantShareMode.Consider => T($"Innvandrerandel over {Num(rule.ThresholdPercent)} %: tas hensyn til — kriteriedelen av målet blir {Num(rule.ConsiderFactor * 100)} % av seg selv; ingen kommune utelates eller får tak av denne grunn",
                                         $"Innvandrardel over {Num(rule.ThresholdPercent)} %: blir teken omsyn til — kriteriedelen av målet blir {Num(rule.ConsiderFactor * 100)} % av seg sjølv; ingen kommune blir utelaten eller får tak av den grunn"),
        ImmigrantShareMode.Cap => T($"Innvandrerandel over {Num(rule.ThresholdPercent)} %: tak på {Num(rule.CapFactorOfNationalRate)} × landssnittet per innbygger",
                                     $"Innvandrardel over {Num(rule.ThresholdPercent)} %: tak på {Num(rule.CapFactorOfNationalRate)} × landssnittet per innbyggar"),
        _ => T($"Innvandrerandel over {Num(rule.ThresholdPercent)} %: ikke anmodet", $"Innvandrardel over {Num(rule.ThresholdPercent)} %: ikkje oppmoda"),
    };

    private static string Num(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture).Replace('.', ',');

    private async Task SaveRules()
    {
        await Load();
        var f = RulesForm ?? new RuleFields();
        var errors = new List<Error>();
        decimal? capacity = string.IsNullOrWhiteSpace(f.CapacityMultiple) ? null : Parse.Decimal(f.CapacityMultiple, "capacity", T("Kapasitet"), Lang, errors);
        decimal? decisionFactor = string.IsNullOrWhiteSpace(f.DecisionFactor) ? null : Parse.Decimal(f.DecisionFactor, "decisionFactor", T("Kapasitet etter vedtak"), Lang, errors);
        ContinuityAnchor? anchor = null;
        if (!string.IsNullOrWhiteSpace(f.AnchorShare))
        {
            var share = Parse.Decimal(f.AnchorShare, "anchorShare", T("Kontinuitetsanker"), Lang, errors);
            var requestWeight = Parse.Decimal(string.IsNullOrWhiteSpace(f.AnchorRequestWeight) ? "50" : f.AnchorRequestWeight, "anchorRequestWeight",
                T("Ankeret: vekt på anmodninger", "Ankeret: vekt på oppmodingar"), Lang, errors);
            anchor = share is { } sh && requestWeight is { } rw ? new ContinuityAnchor(sh / 100m, rw / 100m) : null;
        }
        var threshold = Parse.Decimal(f.ImmigrantThreshold, "immigrantThreshold", T("Innvandrerandel", "Innvandrardel"), Lang, errors);
        ContinuityBand? band = null;
        if (!string.IsNullOrWhiteSpace(f.ContinuityDecrease) || !string.IsNullOrWhiteSpace(f.ContinuityIncrease))
        {
            var down = Parse.Decimal(f.ContinuityDecrease, "continuityDecrease", T("Kontinuitet ned"), Lang, errors);
            var up = Parse.Decimal(f.ContinuityIncrease, "continuityIncrease", T("Kontinuitet opp"), Lang, errors);
            band = down is { } d && up is { } u ? new ContinuityBand(d / 100m, u / 100m) : null;
        }
        var exceptions = new List<MunicipalityException>();
        foreach (var (row, i) in (f.Exceptions ?? []).Select((r, i) => (r, i)))
        {
            if (row.Remove || string.IsNullOrWhiteSpace(row.Kommunenummer))
            {
                continue;
            }
            var label = T($"Unntak rad {i + 1}");
            if (!Busetting.Domain.Primitives.MunicipalityNumber.TryParse(row.Kommunenummer, out var number, out _) || Reference.Find(number) is null)
            {
                errors.Add(Error.Invalid("exception.kommunenummer", T($"{label}: ingen kommune med nummer «{row.Kommunenummer}»")));
                continue;
            }
            int? floor = string.IsNullOrWhiteSpace(row.Floor) ? null : Parse.Int(row.Floor, "exception.floor", label + T(", gulv", ", golv"), Lang, errors);
            int? max = string.IsNullOrWhiteSpace(row.Max) ? null : Parse.Int(row.Max, "exception.max", label + T(", høyst", ", høgst"), Lang, errors);
            if (string.IsNullOrWhiteSpace(row.Reason))
            {
                errors.Add(Error.Invalid("exception.reason", T($"{label}: et unntak må ha en begrunnelse", $"{label}: eit unntak må ha ei grunngjeving")));
            }
            exceptions.Add(new MunicipalityException(number, floor, max, row.Exclude, row.AlwaysAsk, row.Reason?.Trim() ?? ""));
        }
        if (errors.Count > 0)
        {
            _errors = Refused(errors);
            return;
        }
        var rules = _set!.Rules with
        {
            CapacityMaxMultipleOfNationalRate = capacity,
            DecisionCapacity = decisionFactor is { } factor ? new DecisionCapacity(factor) : null,
            ImmigrantShare = _set.Rules.ImmigrantShare with { ThresholdPercent = threshold!.Value },
            Continuity = band,
            Exceptions = exceptions,
        };
        await Save(CriteriaJson.Write(_set with { Rules = rules, Anchor = anchor, Version = $"{Year}-{f.Expected + 1}" }), f.Reason, f.Expected);
    }

    private CriteriaEntry? _entry;
    private CriteriaSet? _set;
    private List<CriteriaEntry> _history = [];
    private IReadOnlyList<Error> _errors = [];

    protected override async Task OnInitializedAsync() => await Load();

    private async Task Load()
    {
        _history = PlanYear is { } year ? await Criteria.CriteriaHistory(year) : [];
        _entry = _history.FirstOrDefault();
        _set = _entry is null ? null : StoredRun.Criteria(_entry);
        // The latest run's notes about the criteria: a criterion without data and where its weight went, an old indicator.
        (_notesRun, _notes) = PlanYear is { } runYear ? await Runs.LatestCriteriaNotes(runYear) : (null, []);
    }

    private IReadOnlyList<Busetting.Domain.Allocation.DataNote> _notes = [];
    private int? _notesRun;

    private static string Percent(decimal weight) => (weight * 100).ToString("0.##", CultureInfo.InvariantCulture).Replace('.', ',');

    private async Task SaveWeights()
    {
        await Load();
        var f = WeightsForm ?? new WeightFields();
        var errors = new List<Error>();
        var weights = new Dictionary<string, decimal>();
        foreach (var c in _set!.Criteria)
        {
            var text = f.Weights?.GetValueOrDefault(c.Id);
            if (decimal.TryParse((text ?? "").Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var percent))
            {
                weights[c.Id] = percent / 100m;
            }
            else
            {
                errors.Add(Error.Invalid("weight." + c.Id, T($"{c.NameNb}: «{text}» er ikke et tall", $"{c.NameNn}: «{text}» er ikkje eit tal")));
            }
        }
        var floor = Parse.Int(f.Floor, "floor", T("Gulv", "Golv"), Lang, errors);
        if (errors.Count > 0)
        {
            _errors = Refused(errors);
            return;
        }
        var changed = _set with
        {
            Criteria = _set.Criteria.Select(c => c with { Weight = weights[c.Id] }).ToList(),
            Rules = _set.Rules with { Floor = floor!.Value },
            Version = $"{Year}-{f.Expected + 1}",
        };
        await Save(CriteriaJson.Write(changed), f.Reason, f.Expected);
    }

    private async Task SaveJson()
    {
        var f = JsonForm ?? new JsonFields();
        await Save(f.Json ?? "", f.Reason, f.Expected);
    }

    private async Task Save(string json, string? reason, int expected)
    {
        Result<CriteriaEntry> result = PlanYear is { } year
            ? await Criteria.AddCriteria(Me, year, json, reason ?? "", expected)
            : PlanningHandler.YearNotFound(Me, Year);
        _errors = await Submit(result, $"/planlegging/{Year}/kriterium?lagra=1", Load);
    }
}
