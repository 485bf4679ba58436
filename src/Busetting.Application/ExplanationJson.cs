using Busetting.Domain.Allocation;

namespace Busetting.Application;

/// <summary>The JSON shape of one municipality's result and explanation.</summary>
public static class ExplanationJson
{
    public static object Municipality(MunicipalityAllocation m) => new
    {
        kommunenummer = m.Municipality.Number.Value,
        name = m.Municipality.Name,
        officialName = m.Municipality.OfficialName,
        county = m.Municipality.CountyName,
        countyNumber = m.Municipality.County.Value,
        landsdel = m.Municipality.Landsdel,
        languageForm = m.Municipality.LanguageForm,
        population = m.Population,
        populationYear = m.PopulationYear,
        requested = m.Requested,
        requestedEm = m.RequestedEm,
        planNextYear = m.PlanNextYear,
        explanation = Explanation(m.Explanation),
    };

    public static object Explanation(Explanation e) => new
    {
        target = e.Target,
        contributions = e.Contributions.Select(c => new
        {
            criterion = c.CriterionId,
            weight = c.Weight,
            share = Math.Round(c.Share, 8),
            persons = Math.Round((decimal)c.Persons, 2, MidpointRounding.AwayFromZero),
            indicator = c.Indicator is { } i ? new { id = i.IndicatorId, value = i.Value, year = i.Year, source = i.Source } : null,
            factor = c.Factor is { } f ? Math.Round(f, 4) : (double?)null,
            indicatorMissing = c.IndicatorMissing ? true : (bool?)null,
        }),
        parts = e.Parts.Select(p => new { kind = p.Kind, id = p.Id, persons = p.Persons, rule = p.Rule }),
        bindingRules = e.BindingRules,
        bounds = new { lower = e.Bounds.Lower, upper = e.Bounds.Upper, mustAsk = e.Bounds.MustAsk, excluded = e.Bounds.Excluded },
        rules = e.Bounds.Notes.Select(n => new { rule = n.Rule, value = n.Value, detail = n.Detail }),
        indicators = e.Indicators.Select(i => new { id = i.IndicatorId, value = i.Value, year = i.Year, source = i.Source }),
        em = new { eligible = e.Em.Eligible, eligibility = e.Em.Eligibility.Rule, eligibilityValue = e.Em.Eligibility.Value, eligibilityDetail = e.Em.Eligibility.Detail, target = e.Em.Target, requested = e.Em.Requested },
    };
}
