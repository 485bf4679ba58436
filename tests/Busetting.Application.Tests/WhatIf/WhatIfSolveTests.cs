using Busetting.Data.Criteria;
using Busetting.Data.Profiles;
using Busetting.Data.Reference;
using Busetting.Domain.Allocation;
using Busetting.Domain.Criteria;
using Busetting.Domain.Need;
using Busetting.Domain.Primitives;
using Busetting.Solver;
using Busetting.TestKit;

namespace Busetting.Application.Tests.WhatIf;

/// <summary>
/// The what-if's moves on the shipped 2025 data (need 18 900, as seeded): every one is decided without the MIP (the
/// direct paths answer in milliseconds, the MIP in a quarter of a second) and gives exactly the MIP's allocation.
/// </summary>
public class WhatIfSolveTests
{
    private static readonly Lazy<(ProfileBuilder.Profiles Profiles, CriteriaSet Criteria)> Shipped = new(() =>
    {
        var data = ReferenceDataLoader.Load(TestData.Folder).Value;
        return (ProfileBuilder.Build(data, SettlementYear.Create(2025)).Value, CriteriaJson.ForYear(TestData.Folder, 2025).Value.Criteria);
    });

    /// <summary>
    /// The weight vectors of scripts/whatif-bench.sh's "moves" as the page made them before it rebalanced from the saved
    /// weights: the job-opportunity weight set to 25, 24, 27, 22 … in turn, the others rebalanced from the previous
    /// weights each time (so they drift). Three of the 50 fell back to the MIP.
    /// </summary>
    [Fact]
    public void Allocate_BenchMovesWithDrift_NoMipAndTheMipsAllocation()
    {
        var set = Shipped.Value.Criteria;
        var weights = set.Criteria.ToDictionary(c => c.Id, c => (int)Math.Round(c.Weight * 100));
        var failures = new List<string>();
        foreach (var arbeid in Enumerable.Range(0, 50).Select(i => 25 + (i % 2 == 0 ? i % 20 : -(i % 15))))
        {
            var others = weights.Keys.Where(id => id != "arbeid").ToList();
            var basis = others.Sum(id => weights[id]);
            var whole = Apportion.LargestRemainder(others.Select(id => weights[id] * (double)(100 - arbeid) / basis).ToList(), 100 - arbeid);
            weights["arbeid"] = arbeid;
            for (var i = 0; i < others.Count; i++)
            {
                weights[others[i]] = whole[i];
            }
            Compare(set with { Criteria = set.Criteria.Select(c => c with { Weight = weights[c.Id] / 100m }).ToList() }, 18_900, $"arbeid {arbeid} %", failures);
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Every criterion's weight from 0 to 100 % in steps of 10 (the others sharing the rest as saved), and other needs.</summary>
    [Fact]
    public void Allocate_WeightSweep_NoMipAndTheMipsAllocation()
    {
        var criteria = Shipped.Value.Criteria;
        var failures = new List<string>();
        var cases = criteria.Criteria.SelectMany(c => Enumerable.Range(0, 11).Select(k => (Id: c.Id, Percent: k * 10, Need: 18_900)))
            .Concat(new[] { 5_000, 12_640, 25_000 }.Select(n => (Id: "arbeid", Percent: 37, Need: n)));
        foreach (var (id, percent, need) in cases)
        {
            Compare(WithWeight(criteria, id, percent), need, $"{id} {percent} % at {need}", failures);
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>The solver as shipped against the MIP alone: no MIP may run, and the allocation must be the MIP's.</summary>
    private static void Compare(CriteriaSet set, int need, string what, List<string> failures)
    {
        var direct = Solve(new ScipAllocationSolver(), set, need);
        var mip = Solve(ScipAllocationSolver.MipOnly(), set, need);
        if (direct.Solver.Solver != "marginal")
        {
            failures.Add($"{what}: the MIP ran ({direct.Solver.Detail})");
        }
        if (!mip.Municipalities.Select(m => m.Requested).SequenceEqual(direct.Municipalities.Select(m => m.Requested)))
        {
            failures.Add($"{what}: not the MIP's allocation");
        }
    }

    /// <summary>Item 8: a weight moved to the edge, another moved, and both moved back: the starting allocation, number for number.</summary>
    [Fact]
    public void Allocate_WeightsMovedAndBack_TheStartingAllocation()
    {
        var set = Shipped.Value.Criteria;
        var weights = WhatIfWeights.From(set.Criteria.Select(c => new WhatIfWeights.Saved(c.Id, c.Weight)).ToList());
        CriteriaSet With(WhatIfWeights w) => w.ForSolve is { } moved ? set with { Criteria = set.Criteria.Select(c => c with { Weight = moved[c.Id] }).ToList() } : set;
        var start = Solve(new ScipAllocationSolver(), With(weights)).Municipalities.Select(m => m.Requested).ToList();
        var moved = weights.Move("arbeid", 97).Move("vidaregaande", 1);
        Assert.NotEqual(start, Solve(new ScipAllocationSolver(), With(moved)).Municipalities.Select(m => m.Requested));
        var back = moved.Move("vidaregaande", weights.Percents["vidaregaande"]).Move("arbeid", weights.Percents["arbeid"]);
        Assert.Equal(start, Solve(new ScipAllocationSolver(), With(back)).Municipalities.Select(m => m.Requested));
    }

    private static AllocationResult Solve(IAllocationSolver solver, CriteriaSet set, int need = 18_900)
    {
        var profiles = Shipped.Value.Profiles;
        var input = new AllocationInput(SettlementYear.Create(2025), NationalNeed.Create(need, 0).Value, set, profiles.Municipalities, profiles.Notes);
        var result = new Allocator(solver).Allocate(input);
        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        return result.Value;
    }

    /// <summary>One weight set to <paramref name="percent"/>, the others sharing the rest in their saved proportions (whole percent).</summary>
    private static CriteriaSet WithWeight(CriteriaSet set, string id, int percent)
    {
        var others = set.Criteria.Where(c => c.Id != id).ToList();
        var basis = others.Sum(c => (double)c.Weight);
        var whole = Apportion.LargestRemainder(others.Select(c => basis == 0 ? (100 - percent) / (double)others.Count : (double)c.Weight * (100 - percent) / basis).ToList(), 100 - percent);
        var weights = others.Select((c, i) => (c.Id, Percent: whole[i])).Append((id, percent)).ToDictionary(w => w.Item1, w => w.Item2 / 100m);
        return set with { Criteria = set.Criteria.Select(c => c with { Weight = weights[c.Id] }).ToList() };
    }
}
