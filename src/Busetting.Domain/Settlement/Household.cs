using Busetting.Domain.Primitives;

namespace Busetting.Domain.Settlement;

/// <summary>A settlement case's pseudonymous id (no identity is kept with the case: names and numbers live in a separate store).</summary>
public readonly record struct CaseId(int Value)
{
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A person's pseudonymous id within the settlement register.</summary>
public readonly record struct PersonId(int Value)
{
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>How the case came to IMDi: it decides who settles it and which waiting target applies.</summary>
public enum Track
{
    /// <summary>A refugee with a permit living in a reception centre.</summary>
    ReceptionCentre,
    /// <summary>A resettlement (quota) refugee, arriving from abroad on an earliest-arrival date.</summary>
    Resettlement,
    /// <summary>A refugee housed privately who applied to be settled.</summary>
    PrivatelyHoused,
    /// <summary>An unaccompanied minor aged 15–17, settled by IMDi.</summary>
    EmImdi,
    /// <summary>An unaccompanied minor under 15, settled by Bufetat.</summary>
    EmBufetat,
}

public enum Sex
{
    Female,
    Male,
}

/// <summary>A member's place in the household.</summary>
public enum HouseholdRole
{
    Adult,
    Child,
    /// <summary>An unaccompanied minor (EM): a household of one.</summary>
    UnaccompaniedMinor,
}

/// <summary>Highest completed education, coarse (ISCED 0–2, 3–4, 5+).</summary>
public enum EducationGroup
{
    Unknown,
    Basic,
    UpperSecondary,
    Higher,
}

/// <summary>Occupation, coarse (ISCO-08 major groups folded into five).</summary>
public enum OccupationGroup
{
    Unknown,
    None,
    Elementary,
    SkilledManual,
    ServiceAndClerical,
    Professional,
}

/// <summary>
/// Needs that a municipality must be able to meet, from a closed list: never a diagnosis. Health-related tags are kept
/// only with a consent reference (<see cref="Household.ConsentReference"/>).
/// </summary>
public enum NeedTag
{
    WheelchairAccessibleDwelling,
    SpecialistHealthCareNearby,
    LargeDwelling,
    SingleParentSupport,
    AdaptedSchooling,
}

/// <summary>A tie to a municipality: close family (parents, children, spouse) is honoured; others weigh less.</summary>
public enum TieKind
{
    CloseFamily,
    OtherFamily,
    Network,
}

public sealed record Tie(TieKind Kind, MunicipalityNumber Municipality);

/// <summary>Why a case must not go to a municipality (negative social control and the like): never shown to municipalities.</summary>
public enum ProtectionReason
{
    NegativeSocialControl,
    ForcedMarriage,
    ThreatFromPerson,
    Other,
}

public sealed record Protection(MunicipalityNumber Municipality, ProtectionReason Reason);

/// <summary>A household member: birth year and coarse facts only (what a municipality's anonymised summary shows).</summary>
public sealed record Person(PersonId Id, int BirthYear, Sex Sex, HouseholdRole Role, IReadOnlyList<string> Languages, EducationGroup Education, OccupationGroup Occupation);

/// <summary>The waiting-time group a case is measured in: EM and families with children have a 3-month target, others 6.</summary>
public enum WaitingGroup
{
    Em,
    FamiliesWithChildren,
    Others,
}

/// <summary>The two EM age bands a municipality keeps places for.</summary>
public enum EmBand
{
    Under15,
    From15,
}

/// <summary>
/// A settlement case: one household, settled together. The permit date starts the waiting clock; the earliest arrival
/// applies to resettlement cases.
/// </summary>
public sealed record Household(
    CaseId Id,
    Track Track,
    DateOnly PermitDate,
    IReadOnlyList<Person> Members,
    IReadOnlySet<NeedTag> Needs,
    IReadOnlyList<Tie> Ties,
    IReadOnlyList<Protection> Protections,
    DateOnly? EarliestArrival = null,
    string? ConsentReference = null)
{
    public int Persons => Members.Count;

    public bool IsEm => Track is Track.EmImdi or Track.EmBufetat;

    /// <summary>EM persons in the case (a household of one, or none).</summary>
    public int EmPersons => IsEm ? Members.Count : 0;

    public WaitingGroup Group => IsEm ? WaitingGroup.Em
        : Members.Any(m => m.Role == HouseholdRole.Child) ? WaitingGroup.FamiliesWithChildren
        : WaitingGroup.Others;

    /// <summary>The EM age band (Bufetat settles those under 15); null for other cases.</summary>
    public EmBand? Band => !IsEm ? null : Track == Track.EmBufetat ? EmBand.Under15 : EmBand.From15;

    /// <summary>The municipality of close family, where there is one (honoured when it has room).</summary>
    public MunicipalityNumber? CloseFamily => Ties.FirstOrDefault(t => t.Kind == TieKind.CloseFamily)?.Municipality;
}
