namespace Busetting.Planning.Tests.Notifications;

/// <summary>The outbox without an SMTP server: messages wait; an administrator can put a failed one back in the queue.</summary>
public sealed class OutboxTests
{
    [Theory, DatabaseData]
    public async Task SendDue_SmtpNotConfigured_NothingSentAndEveryMessageStaysPending(DatabaseProvider provider)
    {
        await using var host = await PlanningHost.Start(provider);
        await Scenario.OnConsultation(host);

        Assert.Null(host.Notifications.Smtp);
        Assert.Equal(0, await host.Notifications.SendDue());

        var messages = await host.Db(db => db.Outbox.ToListAsync());
        Assert.Equal(3, messages.Count);
        Assert.All(messages, m => Assert.Equal((OutboxStatus.Pending, 0), (m.Status, m.Attempts)));
        Assert.Equal(3, (await host.Notifications.Counts())[OutboxStatus.Pending]);
    }

    [Theory, DatabaseData]
    public async Task SendAgain_FailedMessage_AdministratorOnly_PendingWithAttemptsStartedOverAndAudited(DatabaseProvider provider)
    {
        await using var host = await PlanningHost.Start(provider);
        await Scenario.OnConsultation(host);
        var id = await host.Db(async db =>
        {
            var message = await db.Outbox.OrderBy(m => m.Id).FirstAsync();
            (message.Status, message.Attempts, message.LastError) = (OutboxStatus.Failed, 5, "SmtpCommandException");
            await db.SaveChangesAsync();
            return message.Id;
        });
        Assert.Equal(id, (await host.Notifications.List())[0].Id);

        Assert.Equal("bare IMDis administratorer sender varsler på nytt", Refused(await host.Notifications.SendAgain(People.Planner, id), ErrorKind.Forbidden).Message);
        Refused(await host.Notifications.SendAgain(People.Admin, id + 100), ErrorKind.NotFound);
        Ok(await host.Notifications.SendAgain(People.Admin, id));

        var again = await host.Db(db => db.Outbox.SingleAsync(m => m.Id == id));
        Assert.Equal((OutboxStatus.Pending, 0), (again.Status, again.Attempts));
        Assert.Equal(["notification.resend"], (await host.AuditActions()).Where(a => a.StartsWith("notification.", StringComparison.Ordinal)));
        await host.Db(db => db.Outbox.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sent)));
        Assert.Equal("notification.sent", Refused(await host.Notifications.SendAgain(People.Admin, id), ErrorKind.InvalidInput).Code);
    }
}
