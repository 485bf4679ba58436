namespace Busetting.Planning.Tests;

/// <summary>
/// A test on a <see cref="PlanningHost"/> of its own: started on the test's database and, if asked, brought to a stage of
/// the year (<see cref="Scenario"/>); disposed when the test ends.
/// </summary>
public abstract class PlanningTest : IAsyncLifetime
{
    private PlanningHost? _host;

    /// <summary>The host this test started.</summary>
    protected PlanningHost Host => _host ?? throw new InvalidOperationException("The test has not started its host.");

    /// <param name="settings">Configuration for this test (<c>Planning:FourEyes</c>, …).</param>
    protected async Task<PlanningHost> Start(DatabaseProvider provider, IReadOnlyDictionary<string, string?>? settings = null)
    {
        Assert.Null(_host);
        _host = await PlanningHost.Start(provider, settings);
        return _host;
    }

    /// <inheritdoc cref="Scenario.Drafted"/>
    protected async Task<PlanningHandlers> Drafted(DatabaseProvider provider) => await Scenario.Drafted(await Start(provider));

    /// <inheritdoc cref="Scenario.WithRun"/>
    protected async Task<(PlanningHandlers Planning, AllocationRun Run)> WithRun(DatabaseProvider provider, IReadOnlyDictionary<string, string?>? settings = null) =>
        await Scenario.WithRun(await Start(provider, settings));

    /// <inheritdoc cref="Scenario.OnConsultation"/>
    protected async Task<(PlanningHandlers Planning, AllocationRun Run)> OnConsultation(DatabaseProvider provider, IReadOnlyDictionary<string, string?>? settings = null) =>
        await Scenario.OnConsultation(await Start(provider, settings));

    /// <inheritdoc cref="Scenario.Published"/>
    protected async Task<(PlanningHandlers Planning, AllocationRun Run)> Published(DatabaseProvider provider) => await Scenario.Published(await Start(provider));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
