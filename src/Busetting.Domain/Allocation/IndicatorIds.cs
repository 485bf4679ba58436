namespace Busetting.Domain.Allocation;

/// <summary>Indicator ids known to the model. Criteria sets and imported indicator files use these names.</summary>
public static class IndicatorIds
{
    /// <summary>Share of introduction-programme participants in work or education one year after (%).</summary>
    public const string IntroductionResults = "introduksjonsprogram_resultat_pst";
    /// <summary>Registered fully unemployed, % of the labour force.</summary>
    public const string Unemployment = "helt_ledige_pst";
    /// <summary>Upper-secondary education capacity in the region (places per 1 000 inhabitants).</summary>
    public const string UpperSecondaryCapacity = "vgs_kapasitet";
    /// <summary>Capacity to settle refugees with major disabilities (places).</summary>
    public const string DisabilityCapacity = "funksjonsnedsetting_kapasitet";
    /// <summary>Immigrants and Norwegian-born to immigrant parents, % of residents.</summary>
    public const string ImmigrantShare = "innvandrarandel_pst";
    /// <summary>SSB centrality index, 0–1000.</summary>
    public const string Centrality = "sentralitetsindeks";
    /// <summary>Living-condition challenges (1 = areas with poor living conditions).</summary>
    public const string LivingConditions = "levekar_utfordringar";
    /// <summary>Can receive unaccompanied minors (1 = yes, 0 = no).</summary>
    public const string EmCapable = "em_kapasitet";
    /// <summary>Residents in reception centres (mottak) hosted by the municipality.</summary>
    public const string ReceptionCentreResidents = "mottak_bebuarar";

    /// <summary>Residents on 1 January (SSB 07459); an imported value extends or replaces the shipped population series.</summary>
    public const string Population = "folketal";

    public static readonly IReadOnlyList<string> Importable =
    [
        Population, IntroductionResults, Unemployment, UpperSecondaryCapacity, DisabilityCapacity, ImmigrantShare, Centrality,
        LivingConditions, EmCapable, ReceptionCentreResidents,
    ];

    /// <summary>The allowed range of an indicator's values.</summary>
    public static (decimal Min, decimal Max) RangeOf(string id) => id switch
    {
        EmCapable or LivingConditions => (0m, 1m),
        Centrality => (0m, 1000m),
        _ when id.EndsWith("_pst", StringComparison.Ordinal) => (0m, 100m),
        _ => (0m, 100_000_000m),
    };
}
