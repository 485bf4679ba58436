using Busetting.Application;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using Busetting.Cli;
using Busetting.Data.Criteria;
using Busetting.Data.Profiles;
using Busetting.Data.Reference;
using Busetting.Domain.Allocation;
using Busetting.Domain.Need;
using Busetting.Domain.Primitives;
using Busetting.Solver;

BenchmarkSwitcher.FromAssembly(typeof(AllocationBenchmark).Assembly).Run(args);

/// <summary>The full 2025 allocation of 357 municipalities with all rules: criteria targets, bounds, SCIP, EM, explanations.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class AllocationBenchmark
{
    private AllocationInput _input = null!;
    private readonly Allocator _allocator = new(new ScipAllocationSolver());

    [GlobalSetup]
    public void Setup()
    {
        var folder = DataFolder.Resolve(null);
        var data = ReferenceDataLoader.Load(folder).Value;
        var year = SettlementYear.Create(2025);
        var profiles = ProfileBuilder.Build(data, year).Value;
        _input = new AllocationInput(year, NationalNeed.Create(18_900, 750).Value, CriteriaJson.ForYear(folder, 2025).Value.Criteria, profiles.Municipalities, profiles.Notes);
    }

    [Benchmark]
    public int Allocate2025() => _allocator.Allocate(_input).Value.Municipalities.Count;
}
