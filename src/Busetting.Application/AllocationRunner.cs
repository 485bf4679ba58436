using Busetting.Data.Criteria;
using Busetting.Data.Profiles;
using Busetting.Data.Reference;
using Busetting.Domain.Allocation;
using Busetting.Domain.Errors;
using Busetting.Domain.Need;
using Busetting.Domain.Primitives;
using Busetting.Solver;

namespace Busetting.Application;

/// <summary>Data folder + year + need → allocation result: load, filter by date, apply criteria, solve.</summary>
public static class AllocationRunner
{
    public sealed record Run(AllocationResult Result, ReferenceData Data, IReadOnlyList<MunicipalityProfile> Profiles, Domain.Criteria.CriteriaSet Criteria,
        DateOnly KnowledgeDate);

    public static Result<Run> Allocate(string dataFolder, int year, int need, int em, int? planNeed = null, DateOnly? knowledgeDate = null,
        Func<Domain.Criteria.CriteriaSet, Domain.Criteria.CriteriaSet>? adjustCriteria = null)
    {
        if (!SettlementYear.TryCreate(year, out var settlementYear))
        {
            return Error.Invalid("year", $"--year {year} must be between {SettlementYear.Earliest} and {SettlementYear.Latest}");
        }
        var nationalNeed = NationalNeed.Create(need, em);
        if (!nationalNeed.IsSuccess)
        {
            return Result<Run>.Fail(nationalNeed.Errors);
        }
        if (planNeed is < 0)
        {
            return Error.Invalid("plan-need", $"--plan-need must be zero or more, got {planNeed}");
        }
        var data = ReferenceDataLoader.Load(dataFolder);
        if (!data.IsSuccess)
        {
            return Result<Run>.Fail(data.Errors);
        }
        var criteria = CriteriaJson.ForYear(dataFolder, year);
        if (!criteria.IsSuccess)
        {
            return Result<Run>.Fail(criteria.Errors);
        }
        var profiles = ProfileBuilder.Build(data.Value, settlementYear, knowledgeDate);
        if (!profiles.IsSuccess)
        {
            return Result<Run>.Fail(profiles.Errors);
        }
        var set = adjustCriteria is null ? criteria.Value.Criteria : adjustCriteria(criteria.Value.Criteria);
        return Allocate(data.Value, profiles.Value, set, criteria.Value.Warning, settlementYear, nationalNeed.Value, planNeed, []);
    }

    /// <summary>Allocates from data already in memory (the web application loads it once).</summary>
    public static Result<Run> Allocate(ReferenceData data, Domain.Criteria.CriteriaSet criteria, string? criteriaWarning,
        SettlementYear year, NationalNeed need, int? planNeed, IReadOnlyList<AgreedChange> agreedChanges)
    {
        var profiles = ProfileBuilder.Build(data, year);
        return profiles.IsSuccess
            ? Allocate(data, profiles.Value, criteria, criteriaWarning, year, need, planNeed, agreedChanges)
            : Result<Run>.Fail(profiles.Errors);
    }

    /// <summary>Allocates with profiles already built (they depend only on the data and the year, so callers may cache them).</summary>
    public static Result<Run> Allocate(ReferenceData data, ProfileBuilder.Profiles profiles, Domain.Criteria.CriteriaSet criteria, string? criteriaWarning,
        SettlementYear year, NationalNeed need, int? planNeed, IReadOnlyList<AgreedChange> agreedChanges, RevisionInput? revision = null)
    {
        var notes = profiles.Notes.ToList();
        if (criteriaWarning is { } warning)
        {
            notes.Insert(0, warning);
        }
        var input = new AllocationInput(year, need, criteria, profiles.Municipalities, notes, planNeed, agreedChanges, revision);
        return new Allocator(new ScipAllocationSolver(), new ScipMinimumChangeSolver()).Allocate(input)
            .Map(result => new Run(result, data, profiles.Municipalities, criteria, profiles.KnowledgeDate));
    }
}
