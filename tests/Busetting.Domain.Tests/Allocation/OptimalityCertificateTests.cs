namespace Busetting.Domain.Tests.Allocation;

public class OptimalityCertificateTests
{
    private static AllocationProblem Problem(int total, params (double Target, int Lower, int Upper)[] items) =>
        new(items.Select((it, i) => new ProblemItem($"{i}", it.Target, it.Lower, it.Upper, false, false)).ToList(), total, []);

    [Fact]
    public void Holds_ProportionalAllocation_Proven()
    {
        var problem = Problem(100, (10, 0, 100), (30, 0, 100), (60, 0, 100));
        Assert.True(OptimalityCertificate.Holds(problem, [10, 30, 60]));
    }

    [Fact]
    public void Holds_MovedOnePerson_NotProven()
    {
        var problem = Problem(100, (10, 0, 100), (30, 0, 100), (60, 0, 100));
        Assert.False(OptimalityCertificate.Holds(problem, [11, 29, 60]));
    }

    [Fact]
    public void Holds_FloorOverfullCase_SuboptimalNotProven()
    {
        // The case that once fooled the solver: targets 13, 19, 2, 16.06, floor 6, need 22; [6,9,0,7] is optimal.
        var problem = new AllocationProblem(
            [new("a", 13, 6, 33, false, false), new("b", 19, 6, 48, false, false), new("c", 2, 6, 6, false, false), new("d", 16.06, 6, 41, false, false)],
            22, [new GroupMinimum("g", [3], 1)]);
        Assert.False(OptimalityCertificate.Holds(problem, [6, 8, 0, 8]));
    }

    [Fact]
    public void Interval_NotAsked_AllowsOnlyMultipliersBelowTheFloorSlope()
    {
        var (low, high) = OptimalityCertificate.Interval(new ProblemItem("a", 2, 10, 50, false, false), 0);
        Assert.Equal(double.NegativeInfinity, low);
        Assert.Equal(10 / 2.0 - 2, high, 9); // lower/t − 2
    }
}
