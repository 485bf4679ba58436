namespace Busetting.Domain.Planning;

/// <summary>Where a planning year stands. Revised follows Published when a new need is decided mid-year.</summary>
/// <remarks>Stored by name (EF converts to string): renaming a member is a data migration.</remarks>
public enum YearStatus
{
    Draft,
    Consultation,
    Approved,
    Published,
    Revised,
}
