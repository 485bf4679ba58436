using MimeKit;

namespace Busetting.Web.Tests;

/// <summary>
/// E-mail notifications end to end: each event writes its messages with the change, the sender delivers them to a
/// real SMTP server in the test process, and every message is checked as received (recipient, subject, language form,
/// body). A failing server leads to retries with backoff and a Failed message an administrator can see and send again.
/// </summary>
public class NotificationTests
{
    private static NotificationSender Sender(WebApp app) => app.Services.GetRequiredService<NotificationSender>();

    /// <summary>An app pointed at the sink; the background loop polls rarely, so the test decides when messages go.</summary>
    private static WebApp App(DatabaseProvider db, SmtpSink smtp, string pollSeconds = "3600")
    {
        var app = new WebApp(db);
        smtp.Configure(app.Settings);
        app.Settings["Notifications:PollSeconds"] = pollSeconds;
        app.Settings["Notifications:BaseUrl"] = "https://busetting.imdi.test";
        return app;
    }

    private static string Body(MimeMessage m) => (m.TextBody ?? "").Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string Language(MimeMessage m) => m.Body?.Headers["Content-Language"] ?? "";

    private static async Task<List<MimeMessage>> Deliver(WebApp app, SmtpSink smtp, string to, int expected)
    {
        await Sender(app).SendDue();
        var received = smtp.To(to);
        Assert.True(received.Count == expected, $"{to}: expected {expected} messages, got {received.Count}: {string.Join(" | ", received.Select(r => r.Subject))}");
        return received;
    }

    private static string Today(int days) =>
        DateOnly.FromDateTime(Busetting.Application.NorwegianTime.FromUtc(DateTime.UtcNow)).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task SetDeadline(WebApp app, Session planner, string date)
    {
        var version = await app.Db(db => db.Years.Where(y => y.Year == SettlementYear.Create(2025)).Select(y => y.Version).SingleAsync());
        var response = await planner.Post("/planlegging/2025", "/planlegging/2025", "frist", new()
        {
            ["DeadlineForm.Deadline"] = date, ["DeadlineForm.Locked"] = "false", ["DeadlineForm.Version"] = version.ToString(CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Theory, DatabaseData]
    public async Task EveryEvent_ArrivesAtTheSmtpServer_InTheRecipientsLanguageForm(DatabaseProvider db)
    {
        using var smtp = new SmtpSink();
        using var app = App(db, smtp);
        // The county reviewer has chosen Nynorsk; KS has made no choice (Bokmål).
        await app.Db(async d => { (await d.Users.SingleAsync(u => u.Email == Users.Vestland)).Language = WrittenStandard.Nn; return await d.SaveChangesAsync(); });
        var (planner, _) = await Steps.PlannerAt(app, Stage.Run);

        // 1. Consultation opened → county and KS reviewers.
        Assert.Equal(HttpStatusCode.Redirect, (await Steps.ChangeStatus(app, planner, YearStatus.Consultation)).StatusCode);
        var county = (await Deliver(app, smtp, Users.Vestland, 1))[0];
        Assert.Equal("Fordelinga for 2025 er send på høyring", county.Subject);
        Assert.Equal("nn-NO", Language(county));
        Assert.Contains("Sjå tala for kommunane i Vestland og send forslag eller kommentarar i Busetting.", Body(county));
        Assert.Contains("https://busetting.imdi.test/planlegging/2025/forslag", Body(county));
        Assert.Equal("busetting@imdi.test", county.From.Mailboxes.Single().Address);
        var ks = (await Deliver(app, smtp, Users.Ks, 1))[0];
        Assert.Equal("Fordelingen for 2025 er sendt på høring", ks.Subject);
        Assert.Equal("nb-NO", Language(ks));
        Assert.Contains("Se tallene og send forslag eller kommentarer i Busetting.", Body(ks));
        Assert.Empty(smtp.To(Users.Planner));
        Assert.Empty(smtp.To(Users.Sogndal));

        // 2. Proposal answered → its author, with the planner's note.
        var reviewer = await Session.SignIn(app, Users.Vestland);
        var from = await Steps.Requested(app, await app.Db(d => d.Runs.MaxAsync(r => r.Id)), "4640");
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.Post("/kommune/4640?aar=2025", "/kommune/4640?aar=2025", "forslag",
            new() { ["ProposalForm.Persons"] = (from + 4).ToString(CultureInfo.InvariantCulture), ["ProposalForm.Reason"] = "nye bustader" })).StatusCode);
        var proposal = await app.Db(d => d.Proposals.SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await planner.Post("/planlegging/2025/forslag", "/planlegging/2025/forslag", "svar",
            new() { ["Answer.Action"] = $"accept:{proposal.Id}", [$"Answer.Versions[{proposal.Id}]"] = "1", [$"Answer.Notes[{proposal.Id}]"] = "Stemmer med mottaket",
                [$"Answer.Public[{proposal.Id}]"] = "Nye boliger i Sogndal", [$"Answer.PublicNn[{proposal.Id}]"] = "Nye bustader i Sogndal", ["Answer.Confirm"] = "true" })).StatusCode);
        var answer = (await Deliver(app, smtp, Users.Vestland, 2))[1];
        Assert.Equal("Forslaget ditt for Sogndal (2025) er godteke", answer.Subject);
        Assert.Equal("nn-NO", Language(answer));
        Assert.Contains($"frå {from} til {from + 4} personar", Body(answer));
        Assert.Contains("Merknad frå IMDi: Stemmer med mottaket", Body(answer));

        // 3. Letters sent → each asked municipality's case workers (Sogndal: Nynorsk by its official form; Bergen: Bokmål).
        foreach (var step in new[] { YearStatus.Approved, YearStatus.Published })
        {
            await Steps.FourEyes(app, planner, step);
        }
        await MakeLetters(app, planner);
        Assert.Equal(HttpStatusCode.Redirect, (await planner.Post("/planlegging/2025/brev", "/planlegging/2025/brev", "send", new() { ["SendForm.Kind"] = "Request", ["SendForm.Confirm"] = "true" })).StatusCode);
        var sogndalLetter = (await Deliver(app, smtp, Users.Sogndal, 1))[0];
        Assert.Equal("Brev frå IMDi til Sogndal: oppmoding om busetjing 2025", sogndalLetter.Subject);
        Assert.Equal("nn-NO", Language(sogndalLetter));
        Assert.Contains("(referanse 2025/4640-O1). Brevet ligg under kommunen dykkar i Busetting.", Body(sogndalLetter));
        var bergenLetter = (await Deliver(app, smtp, Users.Bergen, 1))[0];
        Assert.Equal("Brev fra IMDi til Bergen: anmodning om bosetting 2025", bergenLetter.Subject);
        Assert.Equal("nb-NO", Language(bergenLetter));
        Assert.Contains("(referanse 2025/4601-O1). Brevet ligger under kommunen deres i Busetting.", Body(bergenLetter));

        // 4. Decision registered → IMDi's planners.
        var sogndal = await Session.SignIn(app, Users.Sogndal);
        Assert.Equal(HttpStatusCode.Redirect, (await sogndal.Post("/kommune/4640?aar=2025", "/kommune/4640?aar=2025", "vedtak", Steps.DecisionFields(70, 2, "2025-11-20", 0))).StatusCode);
        var decision = (await Deliver(app, smtp, Users.Planner, 1))[0];
        Assert.Equal("Vedtak registrert: Sogndal 2025", decision.Subject);
        Assert.Equal("nb-NO", Language(decision));
        Assert.Contains($"Sogndal kommune har registrert vedtaket for 2025: 70 personer, herav 2 enslige mindreårige, vedtatt 20.11.2025. Anmodet ({from + 4}).", Body(decision));
        Assert.Empty(smtp.To(Users.Admin));

        // 5. Reminder before the deadline → case workers of municipalities without a decision (Bergen, not Sogndal), once.
        await SetDeadline(app, planner, Today(3));
        Assert.True(await Sender(app).ScanDeadlines() >= 1);
        Assert.Equal(0, await Sender(app).ScanDeadlines());
        var reminder = (await Deliver(app, smtp, Users.Bergen, 2))[1];
        var deadline = DateOnly.ParseExact(Today(3), "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        Assert.Equal($"Påminnelse: vedtaksfristen for Bergen er {deadline}", reminder.Subject);
        Assert.Equal("nb-NO", Language(reminder));
        Assert.Contains($"Bergen kommune har ikke registrert vedtak om bosetting for 2025 ennå. Fristen er {deadline} (om 3 dager).", Body(reminder));
        Assert.Single(smtp.To(Users.Sogndal));

        // 6. Deadline passed → the overdue list to the planners (once), and the same list on the page.
        await SetDeadline(app, planner, Today(-1));
        await Sender(app).ScanDeadlines();
        Assert.Equal(0, await Sender(app).ScanDeadlines());
        var overdue = (await Deliver(app, smtp, Users.Planner, 2))[1];
        Assert.StartsWith("Ikke svart etter fristen ", overdue.Subject);
        Assert.Contains("- 4601 Bergen", Body(overdue));
        Assert.DoesNotContain("4640", Body(overdue));
        Assert.Contains("https://busetting.imdi.test/planlegging/2025/ikkje-svart", Body(overdue));
        var page = WebUtility.HtmlDecode(await planner.Html("/planlegging/2025/ikkje-svart"));
        Assert.Contains("Fristen er passert", page);
        Assert.Contains("/kommune/4601?aar=2025\">Bergen</a>", page); // the shared table links the municipality in its year
        Assert.DoesNotContain("/kommune/4640?aar=2025\"", page);

        // Every message is marked sent; none failed.
        Assert.Equal([OutboxStatus.Sent], (await app.Db(d => d.Outbox.Select(m => m.Status).Distinct().ToListAsync())));
        Assert.Equal(smtp.Received.Count, await app.Db(d => d.Outbox.CountAsync()));
    }

    private static async Task MakeLetters(WebApp app, Session planner)
    {
        Assert.Equal(HttpStatusCode.Redirect, (await planner.Post("/planlegging/2025/brev", "/planlegging/2025/brev", "lag", new() { ["StartForm.Kind"] = "Request", ["StartForm.Reason"] = "" })).StatusCode);
        for (var i = 0; i < 600; i++)
        {
            if (await app.Db(d => d.LetterJobs.AsNoTracking().AnyAsync(j => j.Status == JobStatus.Done || j.Status == JobStatus.Failed)))
            {
                Assert.Equal(JobStatus.Done, await app.Db(d => d.LetterJobs.Select(j => j.Status).SingleAsync()));
                return;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("letter job did not finish");
    }

    [Fact]
    public async Task FailingServer_RetriesWithBackoff_ThenFailedAndVisible_SendAgainDelivers()
    {
        using var smtp = new SmtpSink { Refuse = true };
        using var app = App(DatabaseProvider.Sqlite, smtp);
        app.Settings["Notifications:MaxAttempts"] = "3";
        app.Settings["Notifications:RetrySeconds"] = "600";
        var (planner, _) = await Steps.PlannerAt(app, Stage.Consultation);
        Task<OutboxMessage> Ks() => app.Db(d => d.Outbox.AsNoTracking().SingleAsync(m => m.To == Users.Ks));

        // First attempt refused: pending again, 10 minutes later.
        Assert.Equal(0, await Sender(app).SendDue());
        var first = await Ks();
        Assert.Equal((OutboxStatus.Pending, 1), (first.Status, first.Attempts));
        Assert.Contains("SmtpCommandException", first.LastError);
        Assert.InRange(first.NextAttemptAt - DateTime.UtcNow, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10.5));
        // Not due yet: nothing is tried.
        await Sender(app).SendDue();
        Assert.Equal(1, (await Ks()).Attempts);

        // Second attempt (made due by hand): the wait doubles.
        await MakeDue(app);
        await Sender(app).SendDue();
        var second = await Ks();
        Assert.Equal((OutboxStatus.Pending, 2), (second.Status, second.Attempts));
        Assert.InRange(second.NextAttemptAt - DateTime.UtcNow, TimeSpan.FromMinutes(19), TimeSpan.FromMinutes(20.5));

        // Third and last attempt: Failed, and the administrator sees it with the error.
        await MakeDue(app);
        await Sender(app).SendDue();
        var failed = await Ks();
        Assert.Equal((OutboxStatus.Failed, 3), (failed.Status, failed.Attempts));
        Assert.Empty(smtp.Received);
        var admin = await Session.SignIn(app, Users.Admin);
        var page = WebUtility.HtmlDecode(await admin.Html("/admin/varsler"));
        Assert.Contains("data-status=\"Failed\"", page);
        Assert.Contains(failed.LastError!, page);
        Assert.Contains($"value=\"{failed.Id}\"", page);
        Assert.Contains("<p class=\"figure\">2</p>", page[page.IndexOf("id=\"count-failed\"", StringComparison.Ordinal)..]);

        // The server works again; "Send igjen" puts it back in the queue and it is delivered.
        smtp.Refuse = false;
        var again = await admin.Post("/admin/varsler", "/admin/varsler", "send-igjen", new() { ["Form.Id"] = failed.Id.ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal((OutboxStatus.Pending, 0), ((await Ks()).Status, (await Ks()).Attempts));
        Assert.Equal(1, await Sender(app).SendDue());
        Assert.Equal("Fordelingen for 2025 er sendt på høring", Assert.Single(smtp.To(Users.Ks)).Subject);
        Assert.Equal(OutboxStatus.Sent, (await Ks()).Status);
        Assert.Contains("notification.resend", await app.Db(d => d.Audit.Select(a => a.Action).ToListAsync()));

        // Only administrators may send again.
        var refused = await planner.Get("/admin/varsler");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/konto/ingen-tilgang", refused.Headers.Location?.OriginalString);
    }

    private static Task<int> MakeDue(WebApp app) =>
        app.Db(d => d.Outbox.ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, DateTime.UtcNow.AddSeconds(-1))));

    [Fact]
    public async Task BackgroundSender_DeliversWithoutBeingAsked()
    {
        using var smtp = new SmtpSink();
        using var app = App(DatabaseProvider.Sqlite, smtp, pollSeconds: "0.2");
        await Steps.PlannerAt(app, Stage.Consultation);
        for (var i = 0; i < 100 && smtp.Received.Count < 2; i++)
        {
            await Task.Delay(100);
        }
        Assert.Equal([Users.Vestland, Users.Ks], smtp.Received.Select(m => m.To.Mailboxes.Single().Address).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SmtpNotConfigured_MessagesStayInTheOutbox_AdminPageSaysSo()
    {
        using var app = new SqliteApp();
        await Steps.PlannerAt(app, Stage.Consultation);
        Assert.Equal(0, await Sender(app).SendDue());
        var messages = await app.Db(d => d.Outbox.AsNoTracking().ToListAsync());
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Equal((OutboxStatus.Pending, 0), (m.Status, m.Attempts)));
        var page = WebUtility.HtmlDecode(await (await Session.SignIn(app, Users.Admin)).Html("/admin/varsler"));
        Assert.Contains("E-post er ikke satt opp", page);
        Assert.Contains("Fordelingen for 2025 er sendt på høring", page);
    }
}
