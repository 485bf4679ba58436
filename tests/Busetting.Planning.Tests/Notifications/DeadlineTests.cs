namespace Busetting.Planning.Tests.Notifications;

/// <summary>
/// The decision deadline: who has not answered (<see cref="Deadlines"/>), the reminders before the deadline to their case
/// workers and the overdue list to the planners after it, each written once (<see cref="NotificationSender.ScanDeadlines"/>).
/// </summary>
public sealed class DeadlineTests : PlanningTest
{
    /// <summary>Published, Sogndal has decided and Bergen has not; the decision deadline <paramref name="days"/> from today (Norwegian date).</summary>
    private static async Task<DateOnly> SogndalDecidedDeadlineIn(PlanningHost host, int days, bool locked = false)
    {
        var (planning, _) = await Scenario.Published(host);
        Ok(await RegisterDecision(planning, People.Sogndal, Places.Sogndal, Decision(70)));
        var deadline = DateOnly.FromDateTime(NorwegianTime.FromUtc(host.Clock.GetUtcNow().UtcDateTime)).AddDays(days);
        Ok(await SetDeadline(planning, People.Planner, deadline, locked));
        return deadline;
    }

    private static Task<List<OutboxMessage>> Written(PlanningHost host, string kind) =>
        host.Db(db => db.Outbox.Where(m => m.Kind == kind).OrderBy(m => m.Id).ToListAsync());

    [Theory, DatabaseData]
    public async Task Unanswered_PublishedYear_EveryAskedMunicipalityWithoutADecisionByNumber(DatabaseProvider provider)
    {
        var (planning, run) = await Published(provider);
        Ok(await RegisterDecision(planning, People.Sogndal, Places.Sogndal, Decision(70)));

        var unanswered = await Host.Db(db => Deadlines.Unanswered(db, Places.Settlement));

        var asked = await Host.Db(db => db.RunLines.CountAsync(l => l.RunId == run.Id && (l.Requested > 0 || l.RequestedEm > 0)));
        Assert.Equal(asked - 1, unanswered.Count);
        Assert.DoesNotContain(unanswered, u => u.Kommunenummer == MunicipalityNumber.Parse(Places.Sogndal));
        Assert.Equal(new Unanswered(MunicipalityNumber.Parse(Places.Bergen), await Requested(Host, run.Id, Places.Bergen), 0), unanswered.Single(u => u.Kommunenummer == MunicipalityNumber.Parse(Places.Bergen)));
        Assert.Equal(unanswered.Select(u => u.Kommunenummer).Order(), unanswered.Select(u => u.Kommunenummer));
    }

    [Theory, DatabaseData]
    public async Task Unanswered_NotPublished_Nobody(DatabaseProvider provider)
    {
        await OnConsultation(provider);

        Assert.Empty(await Host.Db(db => Deadlines.Unanswered(db, Places.Settlement)));
    }

    [Theory, DatabaseData]
    public async Task ScanDeadlines_ThreeDaysLeft_OneReminderToEachUnansweredCaseWorkerOnce(DatabaseProvider provider)
    {
        var host = await Start(provider);
        var deadline = await SogndalDecidedDeadlineIn(host, 3);

        Assert.True(await host.Notifications.ScanDeadlines() >= 1);
        Assert.Equal(0, await host.Notifications.ScanDeadlines());

        var reminders = await Written(host, "reminder");
        Assert.DoesNotContain(reminders, m => m.Kommunenummer == MunicipalityNumber.Parse(Places.Sogndal));
        var bergen = Assert.Single(reminders, m => m.To == People.Email(People.Bergen));
        var date = deadline.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"Påminnelse: vedtaksfristen for Bergen er {date}", bergen.Subject);
        Assert.Contains($"Bergen kommune har ikke registrert vedtak om bosetting for {Places.Year} ennå. Fristen er {date} (om 3 dager).", bergen.Body, StringComparison.Ordinal);
        Assert.Empty(await Written(host, "overdue"));
    }

    [Theory, DatabaseData]
    public async Task ScanDeadlines_TwoThresholdsPassed_OneReminderEach_TheSmallestOnALateStart(DatabaseProvider provider)
    {
        var host = await Start(provider);
        await SogndalDecidedDeadlineIn(host, 10);
        Assert.Equal([3, 14], host.Notifications.ReminderDays);

        await host.Notifications.ScanDeadlines();
        host.Clock.Advance(TimeSpan.FromDays(1));
        await host.Notifications.ScanDeadlines();
        Assert.Single(await Written(host, "reminder"), m => m.To == People.Email(People.Bergen));
        host.Clock.Advance(TimeSpan.FromDays(8));
        await host.Notifications.ScanDeadlines();
        await host.Notifications.ScanDeadlines();

        var bergen = (await Written(host, "reminder")).Where(m => m.To == People.Email(People.Bergen)).ToList();
        Assert.Equal(2, bergen.Count);
        Assert.EndsWith(":14:" + People.Bergen.UserId, bergen[0].DedupeKey, StringComparison.Ordinal);
        Assert.EndsWith(":3:" + People.Bergen.UserId, bergen[1].DedupeKey, StringComparison.Ordinal);
        Assert.Contains("(i morgen)", bergen[1].Body, StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task ScanDeadlines_DeadlinePassed_OverdueListToThePlannersOnce(DatabaseProvider provider)
    {
        var host = await Start(provider);
        await SogndalDecidedDeadlineIn(host, -1);

        await host.Notifications.ScanDeadlines();
        Assert.Equal(0, await host.Notifications.ScanDeadlines());

        var overdue = await Written(host, "overdue");
        Assert.Equal(new[] { People.Planner, People.SecondPlanner }.Select(People.Email).Order(StringComparer.Ordinal), overdue.Select(m => m.To).Order(StringComparer.Ordinal));
        Assert.All(overdue, m => Assert.StartsWith("Ikke svart etter fristen ", m.Subject, StringComparison.Ordinal));
        Assert.Contains($"- {Places.Bergen} Bergen", overdue[0].Body, StringComparison.Ordinal);
        Assert.DoesNotContain(Places.Sogndal, overdue[0].Body, StringComparison.Ordinal);
        Assert.Empty(await Written(host, "reminder"));
    }

    [Theory, DatabaseData]
    public async Task ScanDeadlines_FarAheadOrDecisionsLocked_NothingWritten(DatabaseProvider provider)
    {
        var host = await Start(provider);
        var farAhead = await SogndalDecidedDeadlineIn(host, 30);
        Assert.Equal(0, await host.Notifications.ScanDeadlines());

        Ok(await SetDeadline(host.Planning(), People.Planner, farAhead.AddDays(-27), locked: true));

        Assert.Equal(0, await host.Notifications.ScanDeadlines());
        Assert.Empty(await host.Db(db => db.Outbox.Where(m => m.Kind == "reminder" || m.Kind == "overdue").ToListAsync()));
    }
}
