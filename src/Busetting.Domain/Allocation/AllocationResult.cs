using Busetting.Domain.Municipalities;
using Busetting.Domain.Need;

namespace Busetting.Domain.Allocation;

/// <summary>One municipality's request with its explanation.</summary>
/// <param name="Requested">Persons requested, EM included.</param>
/// <param name="RequestedEm">Of which unaccompanied minors.</param>
/// <param name="PlanNextYear">The planning number (plantal) for the following year.</param>
public sealed record MunicipalityAllocation(
    Municipality Municipality,
    int Population,
    int PopulationYear,
    int Requested,
    int RequestedEm,
    int PlanNextYear,
    Explanation Explanation);

/// <summary>Which solver produced the numbers, how, and how long it took.</summary>
public sealed record SolverReport(string Solver, string Status, string Detail, TimeSpan Elapsed, double Lambda);

/// <summary>A complete allocation: every municipality's request, the warnings about the data, and the solver report.</summary>
public sealed record AllocationResult(
    int Year,
    NationalNeed Need,
    int PlanNeed,
    string CriteriaVersion,
    IReadOnlyDictionary<string, decimal> EffectiveWeights,
    IReadOnlyList<WeightMove> WeightMoves,
    IReadOnlyList<MunicipalityAllocation> Municipalities,
    IReadOnlyList<DataNote> Warnings,
    SolverReport Solver,
    SolverReport EmSolver);
