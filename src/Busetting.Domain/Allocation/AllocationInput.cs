using Busetting.Domain.Criteria;
using Busetting.Domain.Need;
using Busetting.Domain.Primitives;

namespace Busetting.Domain.Allocation;

/// <summary>The complete, dated input of one allocation run.</summary>
/// <param name="PlanNeed">The need assumed for next year's planning number; defaults to this year's need.</param>
/// <param name="DataNotes">What the data loader had to say (stale or missing sources), carried into the result's warnings.</param>
public sealed record AllocationInput(
    SettlementYear Year,
    NationalNeed Need,
    CriteriaSet Criteria,
    IReadOnlyList<MunicipalityProfile> Municipalities,
    IReadOnlyList<DataNote> DataNotes,
    int? PlanNeed = null,
    IReadOnlyList<AgreedChange>? AgreedChanges = null,
    RevisionInput? Revision = null);

/// <summary>
/// A number agreed in the dialogue with KS and the counties: the municipality is fixed at exactly this many persons
/// (0 = not asked) and the others are re-solved so that the national total stays exact. Agreed numbers override every
/// other rule for that municipality.
/// </summary>
/// <param name="Treatment">Scale when a revision scaled an earlier agreement with the need (the explanation says so).</param>
/// <param name="Em">An agreed number of unaccompanied minors within <paramref name="Persons"/> (fixed like the persons); null = EM re-solved.</param>
public sealed record AgreedChange(Primitives.MunicipalityNumber Municipality, int Persons, string Reason, AgreementTreatment Treatment = AgreementTreatment.Keep, int? Em = null);
