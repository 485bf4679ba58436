namespace Busetting.Planning.Tests.Notifications;

/// <summary>The outbox without an SMTP server: messages wait; an administrator can put a failed one back in the queue.</summary>
public sealed class OutboxTests : PlanningTest
{
    [Theory, DatabaseData]
    public async Task SendDue_SmtpNotConfigured_NothingSentAndEveryMessageStaysPending(DatabaseProvider provider)
    {
        await OnConsultation(provider);

        Assert.Null(Host.Notifications.Smtp);
        Assert.Equal(0, await Host.Notifications.SendDue());

        var messages = await Host.Db(db => db.Outbox.ToListAsync());
        Assert.Equal(3, messages.Count);
        Assert.All(messages, m => Assert.Equal((OutboxStatus.Pending, 0), (m.Status, m.Attempts)));
        Assert.Equal(3, (await Host.Notifications.Counts())[OutboxStatus.Pending]);
    }

    [Theory, DatabaseData]
    public async Task SendAgain_FailedMessage_AdministratorOnly_PendingWithAttemptsStartedOverAndAudited(DatabaseProvider provider)
    {
        await OnConsultation(provider);
        var id = await Host.Db(async db =>
        {
            var message = await db.Outbox.OrderBy(m => m.Id).FirstAsync();
            (message.Status, message.Attempts, message.LastError) = (OutboxStatus.Failed, 5, "SmtpCommandException");
            await db.SaveChangesAsync();
            return message.Id;
        });
        Assert.Equal(id, (await Host.Notifications.List())[0].Id);

        Assert.Equal("bare IMDis administratorer sender varsler på nytt", Refused(await Host.Notifications.SendAgain(People.Planner, id), ErrorKind.Forbidden).Message);
        Refused(await Host.Notifications.SendAgain(People.Admin, id + 100), ErrorKind.NotFound);
        Ok(await Host.Notifications.SendAgain(People.Admin, id));

        var again = await Host.Db(db => db.Outbox.SingleAsync(m => m.Id == id));
        Assert.Equal((OutboxStatus.Pending, 0), (again.Status, again.Attempts));
        Assert.Equal(["notification.resend"], (await Host.AuditActions()).Where(a => a.StartsWith("notification.", StringComparison.Ordinal)));
        await Host.Db(db => db.Outbox.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sent)));
        Assert.Equal("notification.sent", Refused(await Host.Notifications.SendAgain(People.Admin, id), ErrorKind.InvalidInput).Code);
    }
}
