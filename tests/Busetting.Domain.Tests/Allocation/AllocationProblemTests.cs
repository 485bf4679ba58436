namespace Busetting.Domain.Tests.Allocation;

/// <summary>The one rule "is this allocation allowed", case by case on a three-item problem.</summary>
public class AllocationProblemTests
{
    // a: floor 5, cap 20, must be asked; b: floor 5, cap 20; c: excluded. Group: at least one of b and c asked. Total 30.
    private static readonly AllocationProblem Problem = new(
        [new("a", 10, 5, 20, MustAsk: true, Excluded: false), new("b", 10, 5, 20, false, false), new("c", 10, 5, 20, false, Excluded: true)],
        30, [new GroupMinimum("b or c", [1, 2], 1)]);

    [Theory]
    [InlineData(new[] { 15, 15, 0 }, true)]
    [InlineData(new[] { 20, 10, 0 }, true)]
    [InlineData(new[] { 15, 14, 0 }, false)] // the total is 29, not 30
    [InlineData(new[] { 0, 20, 10 }, false)] // a must be asked; c is excluded
    [InlineData(new[] { 26, 4, 0 }, false)] // a above its cap, b below its floor
    [InlineData(new[] { 10, 15, 5 }, false)] // c is excluded
    [InlineData(new[] { 30, 0, 0 }, false)] // above a's cap, and no one of b and c asked
    public void Allows_EachRule_BrokenOnlyWhereTheCommentSays(int[] values, bool allowed) =>
        Assert.Equal(allowed, Problem.Allows(values));

    [Fact]
    public void Allows_GroupMinimumNotMet_Refused()
    {
        var problem = Problem with { Groups = [new GroupMinimum("b and c", [1, 2], 2)] };
        Assert.False(problem.Allows([15, 15, 0]));
    }
}
