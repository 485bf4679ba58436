namespace Busetting.Domain.Tests.Allocation;

public class ArithmeticTests
{
    [Fact]
    public void LargestRemainder_AnyQuotas_SumsExactly() =>
        Gen.Double[0, 1000].Array[1, 50].Select(Gen.Int[0, 5000]).Sample((quotas, total) =>
        {
            var sum = quotas.Sum();
            var scaled = quotas.Select(q => sum == 0 ? total / (double)quotas.Length : q * total / sum).ToList();
            var result = Apportion.LargestRemainder(scaled, total);
            return result.Sum() == total && result.Zip(scaled).All(p => Math.Abs(p.First - p.Second) < 1.0 + 1e-9);
        });

    [Fact]
    public void ProportionalFill_WithFloors_SumsToTotalAndRespectsBounds()
    {
        var items = new[]
        {
            new ProblemItem("a", 2, 10, 100, false, false),
            new ProblemItem("b", 48, 10, 100, false, false),
            new ProblemItem("c", 50, 10, 100, false, false),
        };
        var fill = ProportionalFill.Solve(items, [true, true, true], 100);
        Assert.Equal(100, fill.Values.Sum(), 6);
        Assert.Equal(10, fill.Values[0], 6); // floor binds
        Assert.Equal(fill.Values[1] / 48, fill.Values[2] / 50, 6); // the rest share proportionally
    }

    [Fact]
    public void Diagnose_FloorsAboveNeed_NamesNumbers()
    {
        var items = Enumerable.Range(0, 357).Select(i => new ProblemItem(i.ToString("0000", System.Globalization.CultureInfo.InvariantCulture), 5, 10, 50, true, false)).ToList();
        var conflicts = FeasibilityCheck.Diagnose(new AllocationProblem(items, 3000, []), i => items[i].Key);
        var conflict = Assert.IsType<FeasibilityConflict.MustAskFloorsAboveNeed>(Assert.Single(conflicts));
        Assert.Equal((357, 3570L, 3000), (conflict.MustAsk, conflict.Minimum, conflict.Need));
        Assert.Contains("357 municipalities must be asked", conflict.ToString());
        Assert.Contains("3570", conflict.ToString());
        Assert.Contains("3000", conflict.ToString());
    }

    [Fact]
    public void Diagnose_CapsBelowNeed_NamesNumbers()
    {
        var items = new[] { new ProblemItem("a", 5, 10, 20, false, false), new ProblemItem("b", 5, 10, 20, false, false) };
        var conflicts = FeasibilityCheck.Diagnose(new AllocationProblem(items, 100, []), i => items[i].Key);
        Assert.Contains(conflicts, c => c is FeasibilityConflict.CapsBelowNeed { Maximum: 40, Need: 100 } && c.ToString().Contains("add up to only 40"));
    }
}

public class ProportionalFillPropertyTests
{
    [Fact]
    public void Solve_RandomBounds_SumsToTotalWithOneCommonFactor() =>
        Gen.Select(Gen.Double[0, 50].Array[1, 40], Gen.Int[0, 12], Gen.Int[0, 800])
            .Sample((targets, floor, total) =>
            {
                var items = targets.Select((t, i) => new ProblemItem($"{i}", t, floor, floor + 3 * (int)Math.Ceiling(t), false, false)).ToList();
                var fill = ProportionalFill.Solve(items, items.Select(_ => true).ToList(), total);
                var reachable = items.Sum(i => (double)i.Upper) >= total && items.Sum(i => (double)i.LowerIfAsked) <= total;
                var inBounds = fill.Values.Select((v, i) => v >= items[i].LowerIfAsked - 1e-9 && v <= items[i].Upper + 1e-9).All(b => b);
                // Items strictly between their bounds all sit at λ·t.
                var common = fill.Values.Select((v, i) => v <= items[i].LowerIfAsked + 1e-9 || v >= items[i].Upper - 1e-9 || Math.Abs(v - fill.Lambda * items[i].Target) < 1e-6).All(b => b);
                return inBounds && common && (!reachable || Math.Abs(fill.Values.Sum() - total) < 1e-6);
            });
}
