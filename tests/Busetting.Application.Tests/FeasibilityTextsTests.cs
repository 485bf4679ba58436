using Busetting.Domain.Allocation;
using Busetting.Domain.Errors;
using Busetting.Domain.Primitives;

namespace Busetting.Application.Tests;

public class FeasibilityTextsTests
{
    /// <summary>One of each kind of reason, with numbers; the test below fails when a new kind has no words.</summary>
    private static readonly FeasibilityConflict[] Examples =
    [
        new FeasibilityConflict.MustAskFloorsAboveNeed(357, [(300, 10), (57, 5)], 3285, 3000, false),
        new FeasibilityConflict.CapsBelowNeed(12, 240, 300, true),
        new FeasibilityConflict.CapBelowFloor("4601 Bergen", 8, 10, false),
        new FeasibilityConflict.GroupTooFew("landsdel Nord-Norge", 3, 1, false, new RuleNote(RuleId.SpreadLandsdel, 3, "Nord-Norge")),
        new FeasibilityConflict.GroupTooFew("size class", 2, 0, false, new RuleNote(RuleId.SpreadSizeClass, 2) { SizeFrom = 2000, SizeTo = 4999 }),
        new FeasibilityConflict.SpreadAboveNeed(4100, 4000, false),
        new FeasibilityConflict.SolverProvedInfeasible(10, 300),
        new FeasibilityConflict.EmEligible(31),
        new FeasibilityConflict.NoProvenOptimum("SCIP", "TimeLimit", true),
    ];

    [Fact]
    public void Examples_CoverEveryKind()
    {
        var kinds = typeof(FeasibilityConflict).GetNestedTypes().Where(t => t.IsSubclassOf(typeof(FeasibilityConflict))).ToHashSet();
        Assert.Equal(kinds, Examples.Select(e => e.GetType()).ToHashSet());
    }

    [Theory]
    [InlineData(WrittenStandard.Nb)]
    [InlineData(WrittenStandard.Nn)]
    public void Conflict_EveryKind_SaidInNorwegianNotEnglish(WrittenStandard language)
    {
        foreach (var conflict in Examples)
        {
            var text = FeasibilityTexts.Conflict(conflict, language);
            Assert.NotEqual(conflict.ToString(), text);
            Assert.DoesNotMatch(@"\b(municipalities|the need|must be asked|persons|solver)\b", text);
        }
    }

    [Theory]
    [InlineData(WrittenStandard.Nb, "357 kommuner må anmodes (mottakskommuner, unntak), og gulvene deres (300 × 10 + 57 × 5) blir til sammen 3 285 personer, mer enn behovet på 3 000.")]
    [InlineData(WrittenStandard.Nn, "357 kommunar må oppmodast (mottakskommunar, unntak), og golva deira (300 × 10 + 57 × 5) blir til saman 3 285 personar, meir enn behovet på 3 000.")]
    public void Conflict_FloorsAboveNeed_NumbersInTheSentence(WrittenStandard language, string expected) =>
        Assert.Equal(expected, FeasibilityTexts.Conflict(Examples[0], language).Replace('\u00a0', ' '));

    [Theory]
    [InlineData(WrittenStandard.Nb, "Landsdelen Nord-Norge: minst 3 må anmodes, men bare 1 kan.", "Størrelsesklassen 2 000–4 999 innbyggere: minst 2 må anmodes, men bare 0 kan.")]
    [InlineData(WrittenStandard.Nn, "Landsdelen Nord-Norge: minst 3 må oppmodast, men berre 1 kan.", "Storleiksklassen 2 000–4 999 innbyggjarar: minst 2 må oppmodast, men berre 0 kan.")]
    public void Conflict_SpreadGroup_NamedByItsRule(WrittenStandard language, string landsdel, string size)
    {
        Assert.Equal(landsdel, FeasibilityTexts.Conflict(Examples[3], language).Replace('\u00a0', ' '));
        Assert.Equal(size, FeasibilityTexts.Conflict(Examples[4], language).Replace('\u00a0', ' '));
    }

    [Fact]
    public void Details_InfeasibleError_OneLinePerReason_EnglishKeptAsDetails()
    {
        var error = Error.Infeasible("the rules cannot all hold", [Examples[1], Examples[7]]);
        Assert.Equal(2, FeasibilityTexts.Details(error, WrittenStandard.Nb).Count);
        Assert.Equal([Examples[1].ToString(), Examples[7].ToString()], error.Details);
        Assert.Empty(FeasibilityTexts.Details(Error.Invalid("x", "y"), WrittenStandard.Nb));
    }
}
