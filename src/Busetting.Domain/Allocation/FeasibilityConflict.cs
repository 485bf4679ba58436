using System.Globalization;

namespace Busetting.Domain.Allocation;

/// <summary>
/// Why the rules cannot all hold, as a value with its numbers, so each interface can say it in its own words (the
/// application's <c>ErrorTexts.Conflict</c> in Bokmål and Nynorsk). <see cref="ToString"/> is the English technical text
/// kept in logs and behind "Teknisk". <see cref="Em"/> says whether the numbers count EM rather than persons.
/// </summary>
public abstract record FeasibilityConflict(bool Em)
{
    protected string Unit => Em ? "EM" : "persons";

    protected static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>The municipalities that must be asked have floors that add up to more than the need.</summary>
    public sealed record MustAskFloorsAboveNeed(int MustAsk, IReadOnlyList<(int Count, int Floor)> Floors, long Minimum, int Need, bool Em)
        : FeasibilityConflict(Em)
    {
        public override string ToString() =>
            Invariant($"{MustAsk} municipalities must be asked (reception centres, exceptions) and their floors ({string.Join(" + ", Floors.Select(f => Invariant($"{f.Count} × {f.Floor}")))}) add up to {Minimum} {Unit}, more than the need of {Need}");
    }

    /// <summary>The caps of every municipality that may be asked add up to less than the need.</summary>
    public sealed record CapsBelowNeed(int Open, long Maximum, int Need, bool Em) : FeasibilityConflict(Em)
    {
        public override string ToString() =>
            Invariant($"the caps of the {Open} municipalities that may be asked add up to only {Maximum} {Unit}, less than the need of {Need}");
    }

    /// <summary>A municipality that must be asked has a cap below its floor.</summary>
    public sealed record CapBelowFloor(string Municipality, int Cap, int Floor, bool Em) : FeasibilityConflict(Em)
    {
        public override string ToString() => Invariant($"{Municipality} must be asked but its cap ({Cap}) is below its floor ({Floor})");
    }

    /// <summary>A spread group (landsdel, size class) has fewer municipalities that may be asked than it needs.</summary>
    /// <remarks><paramref name="Rule"/> is the spread rule behind the group (its landsdel or size class), when known.</remarks>
    public sealed record GroupTooFew(string Group, int MinAsked, int Candidates, bool Em, RuleNote? Rule = null) : FeasibilityConflict(Em)
    {
        public override string ToString() => Invariant($"{Group}: at least {MinAsked} must be asked, but only {Candidates} may be");
    }

    /// <summary>Asking the required number in every spread group at their floors already needs more than the need.</summary>
    public sealed record SpreadAboveNeed(long Minimum, int Need, bool Em) : FeasibilityConflict(Em)
    {
        public override string ToString() =>
            Invariant($"asking at least the required number in every landsdel and size class at their floors needs at least {Minimum} {Unit}, more than the need of {Need}");
    }

    /// <summary>The solver proved there is no whole-number allocation although the simple checks passed.</summary>
    public sealed record SolverProvedInfeasible(int Floor, int MayBeAsked) : FeasibilityConflict(false)
    {
        public override string ToString() =>
            Invariant($"the solver proved that no whole-number allocation meets the floor ({Floor}), the caps, the exceptions and the spread rules over the {MayBeAsked} municipalities that may be asked; relax a rule (lower the floor, raise caps, loosen the continuity band) or change the need");
    }

    /// <summary>How many asked municipalities may receive EM at all (said after the EM conflicts).</summary>
    public sealed record EmEligible(int Count) : FeasibilityConflict(true)
    {
        public override string ToString() => Invariant($"{Count} asked municipalities can receive EM");
    }

    /// <summary>The solver stopped without a proven optimum (a time limit or a solver failure).</summary>
    public sealed record NoProvenOptimum(string Solver, string Detail, bool Em) : FeasibilityConflict(Em)
    {
        public override string ToString() => Invariant($"{Solver}: {Detail}");
    }
}
