namespace Busetting.Persistence;

/// <summary>A persisted allocation run: its inputs (need, criteria version, agreed changes), the solver, and every municipality's result.</summary>
public sealed class AllocationRun
{
    public int Id { get; set; }
    public SettlementYear Year { get; set; }
    public int NeedEntryId { get; set; }
    public int CriteriaEntryId { get; set; }
    public int Persons { get; set; }
    public int Em { get; set; }
    public int PlanNeed { get; set; }

    /// <summary>The agreed changes applied as fixed numbers, as JSON [{kommunenummer, persons, reason, proposalId}].</summary>
    public string AgreedChangesJson { get; set; } = "[]";

    /// <summary>A revision's mode and the reference numbers it used (published requests, council decisions), as JSON; null otherwise.</summary>
    public string? RevisionJson { get; set; }
    public string WarningsJson { get; set; } = "[]";
    public string Solver { get; set; } = "";
    public string SolverDetail { get; set; } = "";
    public double ElapsedMs { get; set; }

    /// <summary>SHA-256 of the ordered results; a re-run with the same inputs must give the same hash.</summary>
    public string ResultHash { get; set; } = "";
    public string? Label { get; set; }
    public string By { get; set; } = "";
    public DateTime At { get; set; }
    public List<RunLine> Lines { get; set; } = [];
}

/// <summary>One municipality's result in a run, with its explanation as JSON.</summary>
public sealed class RunLine
{
    public int RunId { get; set; }
    public MunicipalityNumber Kommunenummer { get; set; }
    public int Requested { get; set; }
    public int RequestedEm { get; set; }
    public int PlanNextYear { get; set; }
    public string ExplanationJson { get; set; } = "";
}
