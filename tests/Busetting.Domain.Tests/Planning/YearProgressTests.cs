namespace Busetting.Domain.Tests.Planning;

public class YearProgressTests
{
    private static YearFacts Facts(YearStatus status, bool need = true, int? newest = 3, int? published = null, bool letters = false, bool locked = false) =>
        new(status, need, newest, published, letters, locked);

    [Theory]
    [InlineData(YearStatus.Draft, false, null, null, false, false, YearStep.Need)]
    [InlineData(YearStatus.Draft, true, null, null, false, false, YearStep.Allocation)]
    [InlineData(YearStatus.Draft, true, 3, null, false, false, YearStep.Consultation)]
    [InlineData(YearStatus.Consultation, true, 3, null, false, false, YearStep.Consultation)]
    [InlineData(YearStatus.Approved, true, 3, null, false, false, YearStep.Letters)]
    [InlineData(YearStatus.Approved, true, 3, null, true, false, YearStep.Publication)]
    [InlineData(YearStatus.Published, true, 3, 3, true, false, YearStep.Decisions)]
    [InlineData(YearStatus.Revised, true, 3, 3, true, false, YearStep.Allocation)]
    [InlineData(YearStatus.Revised, true, 4, 3, true, false, YearStep.Consultation)]
    public void Current_EachStageOfTheYear_TheStepToDoNow(YearStatus status, bool need, int? newest, int? published, bool letters, bool locked, YearStep expected) =>
        Assert.Equal(expected, YearProgress.Current(Facts(status, need, newest, published, letters, locked)));

    [Fact]
    public void Current_PublishedAndLocked_NoStepLeft()
    {
        var facts = Facts(YearStatus.Published, published: 3, letters: true, locked: true);
        Assert.Null(YearProgress.Current(facts));
        Assert.All(YearProgress.Steps(facts), s => Assert.Equal(YearStepState.Done, s.State));
    }

    [Fact]
    public void Steps_RevisionStarted_EarlierRoundsLettersAndApprovalNotCountedAgain()
    {
        // Revidert with the first round's letters made and its run published: only the need is behind the year.
        var steps = YearProgress.Steps(Facts(YearStatus.Revised, newest: 3, published: 3, letters: true));
        Assert.Equal(
            [YearStepState.Done, YearStepState.Current, YearStepState.Ahead, YearStepState.Ahead, YearStepState.Ahead, YearStepState.Ahead, YearStepState.Ahead],
            steps.Select(s => s.State));
    }

    [Fact]
    public void Steps_AnyFacts_ExactlyOneCurrentUnlessAllDone_AndItIsTheFirstNotDone() =>
        Gen.Select(Gen.Enum<YearStatus>(), Gen.Bool, Gen.Int[0, 5], Gen.Int[0, 5], Gen.Bool, Gen.Bool).Sample((status, need, newest, published, letters, locked) =>
        {
            var facts = new YearFacts(status, need, newest == 0 ? null : newest, published == 0 ? null : published, letters, locked);
            var steps = YearProgress.Steps(facts);
            Assert.Equal(7, steps.Count);
            var current = steps.Where(s => s.State == YearStepState.Current).Select(s => s.Step).ToList();
            Assert.True(current.Count <= 1, "at most one current step");
            Assert.Equal(YearProgress.Current(facts), current.Count == 0 ? null : current[0]);
            Assert.All(steps.TakeWhile(s => s.State != YearStepState.Current), s => Assert.Equal(YearStepState.Done, s.State));
        });
}
