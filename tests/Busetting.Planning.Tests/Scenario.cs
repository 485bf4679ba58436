namespace Busetting.Planning.Tests;

/// <summary>The planning year brought to a stage through its handlers, as IMDi does it (every step asserted).</summary>
public static class Scenario
{
    /// <summary>The administrator creates <see cref="Places.Year"/> (criteria shipped with the system) and the planner enters the need.</summary>
    public static async Task<PlanningHandlers> Drafted(PlanningHost host, int em = 0)
    {
        var planning = host.Planning();
        Handlers.Ok(await Handlers.CreateYear(planning, People.Admin));
        Handlers.Ok(await Handlers.AddNeed(planning, People.Planner, Places.Need, em, expected: 0));
        return planning;
    }

    /// <summary>Drafted, with one allocation run; returns the run.</summary>
    public static async Task<(PlanningHandlers Planning, AllocationRun Run)> WithRun(PlanningHost host, int em = 0)
    {
        var planning = await Drafted(host, em);
        return (planning, Handlers.Ok(await Handlers.Run(planning, People.Planner)));
    }

    /// <summary>A run, on consultation until <see cref="Handlers.Deadline"/>.</summary>
    public static async Task<(PlanningHandlers Planning, AllocationRun Run)> OnConsultation(PlanningHost host, int em = 0)
    {
        var (planning, run) = await WithRun(host, em);
        Handlers.Ok(await Handlers.Step(planning, People.Planner, YearStatus.Consultation));
        return (planning, run);
    }

    /// <summary>Approval or publication with four eyes: the planner asks, the administrator confirms.</summary>
    public static async Task FourEyes(PlanningHandlers planning, YearStatus to)
    {
        var request = Handlers.Ok(await Handlers.Request(planning, People.Planner, to));
        Handlers.Ok(await Handlers.Confirm(planning, People.Admin, request));
        Assert.Equal(to, (await Handlers.Year(planning)).Status);
    }

    /// <summary>Run → consultation → approved → published; returns the published run.</summary>
    public static async Task<(PlanningHandlers Planning, AllocationRun Run)> Published(PlanningHost host, int em = 0)
    {
        var (planning, run) = await OnConsultation(host, em);
        await FourEyes(planning, YearStatus.Approved);
        await FourEyes(planning, YearStatus.Published);
        Assert.Equal(run.Id, (await Handlers.Year(planning)).PublishedRunId);
        return (planning, run);
    }
}
