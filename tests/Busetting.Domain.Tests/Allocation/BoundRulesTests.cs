using Busetting.Domain.Allocation;
using Busetting.Domain.Criteria;
using Busetting.Domain.Primitives;
using static Busetting.TestKit.Fixtures;

namespace Busetting.Domain.Tests.Allocation;

/// <summary>Each named bound rule alone, on a draft it can change, without the others.</summary>
public class BoundRulesTests
{
    private const double Rate = 0.01; // one person per hundred inhabitants

    private static BoundsContext Context(AllocationRules? rules = null, (int, int)? previousRequested = null, MunicipalityProfile? profile = null) =>
        new(profile ?? Profile("1101", 50_000), rules ?? Rules(), Rate, 20_000, previousRequested, null);

    [Fact]
    public void Continuity_LastRequestScaled_BandBecomesBounds()
    {
        // Last year 100 of 10 000; this year 20 000 → scaled 200; band −50 %/+25 % → 100–250.
        var context = Context(Rules(continuity: new ContinuityBand(0.5m, 0.25m)), (100, 10_000));

        var draft = BoundRules.Continuity(BoundsDraft.Start(context), context);

        Assert.Equal((100, RuleId.ContinuityFloor), (draft.Lower, draft.LowerRule));
        Assert.Equal((250, RuleId.ContinuityCap), (draft.Upper, draft.UpperRule));
        Assert.Equal([RuleId.ContinuityFloor, RuleId.ContinuityCap], draft.Notes.Select(n => n.Rule));
        Assert.All(draft.Notes, n => Assert.Equal(100m, n.Basis));
    }

    [Fact]
    public void Continuity_NoRequestLastYear_Unchanged()
    {
        var context = Context(Rules(continuity: new ContinuityBand(0.5m, 0.25m)), null);
        var start = BoundsDraft.Start(context);

        Assert.Same(start, BoundRules.Continuity(start, context));
    }

    [Fact]
    public void CapBelowFloor_NotMustAsk_Excluded()
    {
        var context = Context();
        var draft = BoundsDraft.Start(context) with { Lower = 10, Upper = 4 };

        var after = BoundRules.CapBelowFloor(draft, context);

        Assert.True(after.Excluded);
        Assert.Equal(new RuleNote(RuleId.CapBelowFloor, 4), after.Notes.Single());
    }

    [Fact]
    public void CapBelowFloor_MustAsk_AskedWithNote()
    {
        var context = Context();
        var draft = BoundsDraft.Start(context) with { Lower = 10, Upper = 4, MustAsk = true };

        var after = BoundRules.CapBelowFloor(draft, context);

        Assert.False(after.Excluded);
        Assert.Equal(RuleId.CapBelowFloor, after.Notes.Single().Rule);
    }

    [Fact]
    public void ExceptionMax_BelowUpper_CapsWithReason_AboveUpper_Unchanged()
    {
        var exception = new MunicipalityException(MunicipalityNumber.Parse("1101"), null, 30, false, false, "small housing market");
        var context = Context(Rules(exceptions: [exception]));
        var draft = BoundsDraft.Start(context) with { Upper = 40 };

        var capped = BoundRules.ExceptionMax(draft, context);
        var unchanged = BoundRules.ExceptionMax(draft with { Upper = 25 }, context);

        Assert.Equal((30, RuleId.ExceptionMax), (capped.Upper, capped.UpperRule));
        Assert.Equal(new RuleNote(RuleId.ExceptionMax, 30, "small housing market"), capped.Notes.Single());
        Assert.Equal((25, RuleId.CapacityCap), (unchanged.Upper, unchanged.UpperRule));
        Assert.Empty(unchanged.Notes);
    }

    [Fact]
    public void ImmigrantShareCap_ExcludeMode_ExcludesAndEndsTheRules()
    {
        var profile = Profile("0301", 100_000, indicators: [Indicator(IndicatorIds.ImmigrantShare, 31m)]);
        var context = Context(Rules(mode: ImmigrantShareMode.Exclude), profile: profile);

        var after = BoundRules.ImmigrantShareCap(BoundsDraft.Start(context), context);

        Assert.True(after.Excluded);
        Assert.Equal((0, 0, RuleId.ImmigrantShareExcluded), (after.Lower, after.Upper, after.UpperRule));
    }

    [Fact]
    public void InOrder_ExclusionsFirst_CapBelowFloorLast()
    {
        var names = BoundRules.InOrder.Select(r => r.Name).ToList();

        Assert.Equal(["not a separate municipality", "excluded by exception"], names.Take(2));
        Assert.Equal("cap below floor", names[^1]);
        Assert.True(names.IndexOf("continuity") > names.IndexOf("exception maximum"), "continuity sees the caps before it");
    }
}
