using Busetting.Data.Criteria;
using Busetting.Data.Profiles;
using Busetting.Data.Reference;
using Busetting.Domain.Allocation;
using Busetting.Domain.Errors;
using Busetting.Solver;

namespace Busetting.Application;

/// <summary>Data + a validated request → allocation result: load, filter by date, apply criteria, solve.</summary>
public interface IAllocationRunner
{
    /// <summary>Loads the data folder, builds the profiles as of the request's knowledge date and allocates.</summary>
    Result<AllocationRunner.Run> Allocate(string dataFolder, AllocationRequest request);

    /// <summary>Allocates with data and profiles already in memory (they depend only on the data and the year, so callers may cache them).</summary>
    Result<AllocationRunner.Run> Allocate(ReferenceData data, ProfileBuilder.Profiles profiles, Domain.Criteria.CriteriaSet criteria, DataNote? criteriaWarning,
        AllocationRequest request);
}

/// <summary>The allocation runner over the solver ports; <see cref="Scip"/> is the one the web and the CLI use.</summary>
public sealed class AllocationRunner(IAllocationSolver solver, IMinimumChangeSolver minimumChangeSolver) : IAllocationRunner
{
    public sealed record Run(AllocationResult Result, ReferenceData Data, IReadOnlyList<MunicipalityProfile> Profiles, Domain.Criteria.CriteriaSet Criteria,
        DateOnly KnowledgeDate);

    /// <summary>The runner over the SCIP solvers.</summary>
    public static AllocationRunner Scip() => new(new ScipAllocationSolver(), new ScipMinimumChangeSolver());

    public Result<Run> Allocate(string dataFolder, AllocationRequest request)
    {
        var data = ReferenceDataLoader.Load(dataFolder);
        if (!data.IsSuccess)
        {
            return Result<Run>.Fail(data.Errors);
        }
        var criteria = CriteriaJson.ForYear(dataFolder, request.Year.Value);
        if (!criteria.IsSuccess)
        {
            return Result<Run>.Fail(criteria.Errors);
        }
        var profiles = ProfileBuilder.Build(data.Value, request.Year, request.KnowledgeDate);
        if (!profiles.IsSuccess)
        {
            return Result<Run>.Fail(profiles.Errors);
        }
        var set = request.AdjustCriteria is null ? criteria.Value.Criteria : request.AdjustCriteria(criteria.Value.Criteria);
        return Allocate(data.Value, profiles.Value, set, criteria.Value.Warning, request);
    }

    public Result<Run> Allocate(ReferenceData data, ProfileBuilder.Profiles profiles, Domain.Criteria.CriteriaSet criteria, DataNote? criteriaWarning,
        AllocationRequest request)
    {
        var notes = profiles.Notes.ToList();
        if (criteriaWarning is { } warning)
        {
            notes.Insert(0, warning);
        }
        var input = new AllocationInput(request.Year, request.Need, criteria, profiles.Municipalities, notes, request.PlanNeed, request.AgreedChanges,
            request.Revision);
        return new Allocator(solver, minimumChangeSolver).Allocate(input)
            .Map(result => new Run(result, data, profiles.Municipalities, criteria, profiles.KnowledgeDate));
    }
}
