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

    /// <summary>The stored shape (<see cref="StoredExplanation"/>), so the CLI's JSON and a run line's JSON are the same.</summary>
    public static StoredExplanation Explanation(Explanation e) => StoredExplanation.From(e);
}
