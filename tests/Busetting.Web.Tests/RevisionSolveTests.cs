using Busetting.Application;
using Busetting.Data.Profiles;
using Busetting.Data.Reference;
using Busetting.Domain.Criteria;
using Busetting.Domain.Errors;

namespace Busetting.Web.Tests;

public partial class RevisionWorkflowTests
{
    /// <summary>
    /// "Kjør revisjonen" solves the revision once (the run), "Vis følgene" once (the preview): the page no longer
    /// computes a preview before storing the run.
    /// </summary>
    [Fact]
    public async Task RevisionPage_SolvesOncePerClick()
    {
        var counting = new CountingRunner(AllocationRunner.Scip());
        using var app = new WebApp(DatabaseProvider.Sqlite);
        app.TestServices.Add(s => s.AddSingleton<IAllocationRunner>(counting));
        var planner = await Session.SignIn(app, Users.Planner);
        await PublishWithTwoAgreementsAndCutTheNeed(app, planner, (_, _) => Task.CompletedTask);

        // Loading the page shows the preview of the default choices: one solve. (Session.Post loads the page for its
        // antiforgery token first, so each click below counts that load too.)
        var before = counting.Solves;
        await planner.Html("/planlegging/2025/revisjon");
        Assert.Equal(before + 1, counting.Solves);

        before = counting.Solves;
        var preview = await planner.Post("/planlegging/2025/revisjon", "/planlegging/2025/revisjon", "revisjon",
            new() { ["Form.Mode"] = "FullResolve", ["Form.All"] = "Scale", ["Form.Action"] = "preview" });
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal(before + 1 + 1, counting.Solves);

        before = counting.Solves;
        var runs = await app.Db(d => d.Runs.CountAsync());
        await RevisionRun(app, planner, new() { ["Form.Mode"] = "MinimumChange", ["Form.All"] = "Keep" });
        Assert.Equal(before + 1 + 1, counting.Solves);
        Assert.Equal(runs + 1, await app.Db(d => d.Runs.CountAsync()));
    }

    /// <summary>The standard runner, counting its solves.</summary>
    private sealed class CountingRunner(IAllocationRunner inner) : IAllocationRunner
    {
        private int _solves;

        public int Solves => Volatile.Read(ref _solves);

        public Result<AllocationRunner.Run> Allocate(string dataFolder, AllocationRequest request)
        {
            Interlocked.Increment(ref _solves);
            return inner.Allocate(dataFolder, request);
        }

        public Result<AllocationRunner.Run> Allocate(ReferenceData data, ProfileBuilder.Profiles profiles, CriteriaSet criteria, Busetting.Domain.Allocation.DataNote? criteriaWarning,
            AllocationRequest request)
        {
            Interlocked.Increment(ref _solves);
            return inner.Allocate(data, profiles, criteria, criteriaWarning, request);
        }
    }
}
