using Busetting.Domain.Primitives;

namespace Busetting.Domain.Settlement;

/// <summary>
/// What a municipality can take in the year: the council's decision in persons (EM included), its EM places by age band,
/// and the needs it can meet. The decision comes from the planning year; the rest the municipality keeps up to date.
/// </summary>
public sealed record MunicipalCapacity(MunicipalityNumber Municipality, int Persons, int EmUnder15, int EmFrom15, IReadOnlySet<NeedTag> Capabilities)
{
    public int Em => EmUnder15 + EmFrom15;

    public int EmPlaces(EmBand band) => band == EmBand.Under15 ? EmUnder15 : EmFrom15;
}

/// <summary>Places a municipality holds for cases: open proposals, accepted, decided, agreed and settled (persons; EM by band).</summary>
public readonly record struct PlacesHeld(int Persons, int EmUnder15, int EmFrom15)
{
    public static PlacesHeld Of(Household household) => new(
        household.Persons,
        household.Band == EmBand.Under15 ? household.EmPersons : 0,
        household.Band == EmBand.From15 ? household.EmPersons : 0);

    public int Em(EmBand band) => band == EmBand.Under15 ? EmUnder15 : EmFrom15;

    public static PlacesHeld operator +(PlacesHeld a, PlacesHeld b) => new(a.Persons + b.Persons, a.EmUnder15 + b.EmUnder15, a.EmFrom15 + b.EmFrom15);

    public static PlacesHeld operator -(PlacesHeld a, PlacesHeld b) => new(a.Persons - b.Persons, a.EmUnder15 - b.EmUnder15, a.EmFrom15 - b.EmFrom15);
}
