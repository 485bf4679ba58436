using Busetting.Domain.Criteria;
using Busetting.Domain.Primitives;

namespace Busetting.Domain.Allocation;

/// <summary>What the rules allow one municipality: 0, or between <see cref="Lower"/> and <see cref="Upper"/> when asked.</summary>
/// <param name="LowerRule">The rule that set the lower bound (floor, exception or continuity).</param>
/// <param name="UpperRule">The rule that set the upper bound (capacity, immigrant share, continuity or exception).</param>
public sealed record MunicipalityBounds(
    MunicipalityNumber Municipality,
    int Lower,
    int Upper,
    bool MustAsk,
    bool Excluded,
    RuleId LowerRule,
    RuleId UpperRule,
    IReadOnlyList<RuleNote> Notes);

/// <summary>Applies the criteria set's hard rules (<see cref="BoundRules.InOrder"/>) to each municipality.</summary>
public static class BoundsCalculator
{
    /// <param name="nationalRate">Persons per inhabitant the need implies nationally (need ÷ population).</param>
    /// <param name="previousRequested">Last year's requests and their national sum, when the data has them.</param>
    /// <param name="previousDecided">Last year's council decision and last year's national need, when known.</param>
    public static MunicipalityBounds Calculate(
        MunicipalityProfile profile,
        AllocationRules rules,
        double nationalRate,
        int total,
        (int Requested, int NationalTotal)? previousRequested,
        (int Decided, int NationalTotal)? previousDecided = null)
    {
        var context = new BoundsContext(profile, rules, nationalRate, total, previousRequested, previousDecided);
        var draft = BoundsDraft.Start(context);
        foreach (var rule in BoundRules.InOrder)
        {
            draft = rule.Apply(draft, context);
            if (draft.Excluded)
            {
                break;
            }
        }
        return new MunicipalityBounds(profile.Municipality.Number, draft.Lower, draft.Upper, draft.MustAsk, draft.Excluded,
            draft.LowerRule, draft.UpperRule, draft.Notes.ToList());
    }
}

/// <summary>The facts the bound rules read for one municipality (see <see cref="BoundsCalculator.Calculate"/>).</summary>
public sealed record BoundsContext(
    MunicipalityProfile Profile,
    AllocationRules Rules,
    double NationalRate,
    int Total,
    (int Requested, int NationalTotal)? PreviousRequested,
    (int Decided, int NationalTotal)? PreviousDecided)
{
    /// <summary>The criteria set's named exception for this municipality, if any.</summary>
    public MunicipalityException? Exception { get; } = Rules.Exceptions.FirstOrDefault(e => e.Municipality == Profile.Municipality.Number);
}

/// <summary>The bounds as the rules applied so far leave them; an excluded draft ends the rules.</summary>
public sealed record BoundsDraft(int Lower, RuleId LowerRule, int Upper, RuleId UpperRule, bool MustAsk, bool Excluded, IReadOnlyList<RuleNote> Notes)
{
    /// <summary>Before any rule: the general floor, and at most the whole need.</summary>
    public static BoundsDraft Start(BoundsContext context) =>
        new(context.Rules.Floor, RuleId.Floor, context.Total, RuleId.CapacityCap, false, false, []);

    public BoundsDraft Note(RuleNote note) => this with { Notes = [.. Notes, note] };

    /// <summary>Not asked at all, for the reason <paramref name="note"/> gives.</summary>
    public BoundsDraft Exclude(RuleNote note) =>
        Note(note) with { Lower = 0, Upper = 0, MustAsk = false, Excluded = true, LowerRule = RuleId.Floor, UpperRule = note.Rule };

    /// <summary>Lowers the upper bound to <paramref name="cap"/> when that is lower.</summary>
    public BoundsDraft CapAt(int cap, RuleId rule) => cap < Upper ? this with { Upper = cap, UpperRule = rule } : this;
}

/// <summary>One named hard rule: takes the bounds so far and returns them with the rule applied.</summary>
public sealed record BoundRule(string Name, Func<BoundsDraft, BoundsContext, BoundsDraft> Apply);
