using Busetting.Domain.Primitives;

namespace Busetting.Domain.Allocation;

/// <summary>What a revision does with a number agreed in an earlier round of the dialogue.</summary>
public enum AgreementTreatment
{
    /// <summary>The agreed number follows the need: agreed × new need ÷ the need it was agreed under (the default).</summary>
    Scale,
    /// <summary>The agreed number stays as it was, whatever the need.</summary>
    Keep,
    /// <summary>The agreement no longer binds; the municipality is solved like everyone else.</summary>
    Drop,
}

/// <summary>A number agreed with a county or KS, with the national need it was agreed under.</summary>
public sealed record EarlierAgreement(MunicipalityNumber Municipality, int Persons, int NeedWhenAgreed, string Reason);

/// <summary>An earlier agreement as a revision treats it: the number it now fixes, or null when dropped.</summary>
public sealed record RevisedAgreement(EarlierAgreement Agreement, AgreementTreatment Treatment, int? Persons)
{
    /// <summary>The agreed change the allocation applies, or null when the agreement is dropped.</summary>
    /// <remarks>Marked as scaled only when scaling changed the number, so the explanation never says "scaled" of an unchanged one.</remarks>
    public AgreedChange? Change => Persons is { } persons
        ? new AgreedChange(Agreement.Municipality, persons, Agreement.Reason, Treatment == AgreementTreatment.Scale && persons != Agreement.Persons ? AgreementTreatment.Scale : AgreementTreatment.Keep)
        : null;
}

/// <summary>How a revision treats earlier agreements.</summary>
public static class AgreementRevision
{
    /// <summary>
    /// Scaling keeps the agreement's share of the need: agreed × new need ÷ need when agreed, rounded to whole persons
    /// (halves away from zero). An agreement made under the same need is unchanged by scaling.
    /// </summary>
    public static RevisedAgreement Apply(EarlierAgreement agreement, AgreementTreatment treatment, int newNeed) => treatment switch
    {
        AgreementTreatment.Keep => new(agreement, treatment, agreement.Persons),
        AgreementTreatment.Drop => new(agreement, treatment, null),
        AgreementTreatment.Scale => new(agreement, treatment, Scaled(agreement, newNeed)),
    };

    private static int Scaled(EarlierAgreement agreement, int newNeed) =>
        agreement.NeedWhenAgreed <= 0 || agreement.NeedWhenAgreed == newNeed
            ? agreement.Persons
            : (int)Math.Round((decimal)agreement.Persons * newNeed / agreement.NeedWhenAgreed, MidpointRounding.AwayFromZero);
}

/// <summary>How a revision's numbers are found.</summary>
public enum RevisionMode
{
    /// <summary>Solve the whole allocation again from the criteria under the new need.</summary>
    FullResolve,
    /// <summary>Meet the new need while moving every municipality as little as possible from its reference number.</summary>
    MinimumChange,
}

/// <summary>
/// A revision of a published allocation: the mode, each municipality's current (published) request and its council
/// decision where one is registered. The reference a minimum-change revision stays close to is the request, or the
/// decision when that is lower: a municipality is never pushed back up to a number its council turned down.
/// </summary>
public sealed record RevisionInput(
    RevisionMode Mode,
    IReadOnlyDictionary<MunicipalityNumber, int> CurrentRequests,
    IReadOnlyDictionary<MunicipalityNumber, int> Decisions)
{
    /// <summary>The number a minimum-change revision stays close to, and whether it came from the council decision.</summary>
    public (int Persons, bool FromDecision) Reference(MunicipalityNumber municipality)
    {
        var requested = CurrentRequests.GetValueOrDefault(municipality);
        return Decisions.TryGetValue(municipality, out var decided) && decided < requested ? (decided, true) : (requested, false);
    }
}

/// <summary>The port to a solver for the minimum-change revision (docs/model.md, "Revisions").</summary>
public interface IMinimumChangeSolver
{
    /// <summary>
    /// Integers x satisfying every rule of <paramref name="problem"/> with Σx = total, lexicographically minimising
    /// (1) Σ|x − reference|, then (2) Σ (x − reference)² / max(reference, 1); the problem's targets are not used.
    /// </summary>
    SolverOutcome Solve(AllocationProblem problem, IReadOnlyList<int> reference);
}
