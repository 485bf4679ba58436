namespace Busetting.Planning.Tests;

/// <summary>
/// The year and the municipalities the tests use, named once: when the handlers take typed identities
/// (<c>SettlementYear</c>, <c>MunicipalityNumber</c>) only this file and <see cref="Handlers"/> change.
/// </summary>
public static class Places
{
    /// <summary>The planning year of every test (the web seeds the same one).</summary>
    public const int Year = 2025;

    /// <summary><see cref="Year"/> as the handlers take it.</summary>
    public static readonly SettlementYear Settlement = SettlementYear.Create(Year);

    /// <summary>A municipality named here as the handlers take it.</summary>
    public static MunicipalityNumber Number(string kommunenummer) => MunicipalityNumber.Parse(kommunenummer);

    /// <summary>The committee's first need for <see cref="Year"/> (the web's seed: 18 900, no EM yet).</summary>
    public const int Need = 18_900;

    /// <summary>Vestland (46), official form Nynorsk.</summary>
    public const string Sogndal = "4640";

    /// <summary>Vestland (46), Bokmål.</summary>
    public const string Bergen = "4601";

    /// <summary>Vestland (46).</summary>
    public const string Voss = "4621";

    /// <summary>Oslo (03): a county of its own.</summary>
    public const string Oslo = "0301";

    public const string Vestland = "46";

    public const string OsloCounty = "03";
}
