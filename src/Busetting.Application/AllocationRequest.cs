using System.Globalization;
using Busetting.Domain.Allocation;
using Busetting.Domain.Criteria;
using Busetting.Domain.Errors;
using Busetting.Domain.Need;
using Busetting.Domain.Primitives;

namespace Busetting.Application;

/// <summary>
/// What one allocation run is asked to do, validated once at construction: the year, the national need, the need assumed
/// for next year's planning number, the knowledge date, agreed numbers, a revision, and adjustments to the criteria.
/// </summary>
public sealed record AllocationRequest
{
    private AllocationRequest(SettlementYear year, NationalNeed need, int? planNeed, DateOnly? knowledgeDate)
    {
        Year = year;
        Need = need;
        PlanNeed = planNeed;
        KnowledgeDate = knowledgeDate;
    }

    public SettlementYear Year { get; }

    public NationalNeed Need { get; }

    /// <summary>The need assumed for next year's planning number (zero or more); null = this year's need.</summary>
    public int? PlanNeed { get; }

    /// <summary>The date the data is read as of when profiles are built from a data folder; null = the default.</summary>
    public DateOnly? KnowledgeDate { get; }

    public IReadOnlyList<AgreedChange> AgreedChanges { get; init; } = [];

    public RevisionInput? Revision { get; init; }

    /// <summary>Applied to the year's criteria set when it is read from a data folder (calibration, what-if weights).</summary>
    public Func<CriteriaSet, CriteriaSet>? AdjustCriteria { get; init; }

    /// <summary>From typed values; only the plan need is left to check.</summary>
    public static Result<AllocationRequest> Create(SettlementYear year, NationalNeed need, int? planNeed = null, DateOnly? knowledgeDate = null)
    {
        if (planNeed is < 0)
        {
            return Error.Invalid("plan-need", $"--plan-need must be zero or more, got {planNeed}");
        }
        return new AllocationRequest(year, need, planNeed, knowledgeDate);
    }

    /// <summary>A --year outside the years the system covers (said in Norwegian by <see cref="ErrorTexts"/>).</summary>
    public static Error YearOutOfRange(int year) =>
        Error.Invalid("year", string.Create(CultureInfo.InvariantCulture, $"--year {year} must be between {SettlementYear.Earliest} and {SettlementYear.Latest}"))
            with { Values = new Dictionary<string, object> { ["year"] = year, ["earliest"] = SettlementYear.Earliest, ["latest"] = SettlementYear.Latest } };

    /// <summary>From the numbers a user typed (the CLI's options): year, need and plan need checked, each with its own error.</summary>
    public static Result<AllocationRequest> Create(int year, int need, int em, int? planNeed = null, DateOnly? knowledgeDate = null)
    {
        if (!SettlementYear.TryCreate(year, out var settlementYear))
        {
            return YearOutOfRange(year);
        }
        var nationalNeed = NationalNeed.Create(need, em);
        return nationalNeed.IsSuccess
            ? Create(settlementYear, nationalNeed.Value, planNeed, knowledgeDate)
            : Result<AllocationRequest>.Fail(nationalNeed.Errors);
    }
}
