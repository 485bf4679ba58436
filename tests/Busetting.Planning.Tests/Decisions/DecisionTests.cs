using Microsoft.Extensions.DependencyInjection;
using System.Globalization;
using Busetting.Domain.Allocation;

namespace Busetting.Planning.Tests.Decisions;

/// <summary>Council decisions: registered and corrected by the municipality's own case worker once the year is published.</summary>
public sealed class DecisionTests : PlanningTest
{
    [Theory, DatabaseData]
    public async Task Register_ThenCorrect_VersionsKeepTheDocumentAndAudit(DatabaseProvider provider)
    {
        var (planning, _) = await Published(provider);

        var first = Ok(await RegisterDecision(planning, People.Sogndal, Places.Sogndal, Decision(70, em: 5, extra: 15, pdf: Pdf)));
        var second = Ok(await RegisterDecision(planning, People.Sogndal, Places.Sogndal, Decision(75, em: 5, expectedVersion: 1)));

        var versions = await planning.Decisions.DecisionHistory(Places.Settlement, Places.Number(Places.Sogndal));
        Assert.Equal([(2, 75), (1, 70)], versions.Select(v => (v.Version, v.Persons)));
        Assert.Equal(first.DocumentId, second.DocumentId);
        Assert.Equal(15, first.AdditionalCapacity);
        Assert.Equal(75, (await planning.Decisions.CurrentDecisions(Places.Settlement))[MunicipalityNumber.Parse(Places.Sogndal)].Persons);
        Assert.Equal(["decision.register", "decision.correct"], (await Host.AuditActions()).TakeLast(2));
        var document = Ok(await planning.Decisions.Document(People.Vestland, Places.Year, Places.Sogndal, first.DocumentId!.Value));
        Assert.Equal(Pdf.Content, document.Content);
        Assert.Equal("vedtak.pdf", document.FileName);
        Refused(await planning.Decisions.Document(People.Bergen, Places.Year, Places.Sogndal, first.DocumentId.Value), ErrorKind.Forbidden);
        Refused(await planning.Decisions.Document(People.Sogndal, Places.Year, Places.Sogndal, first.DocumentId.Value + 1), ErrorKind.NotFound);
    }

    [Theory, DatabaseData]
    public async Task Correct_FromAStaleVersion_ConflictInTheCaseWorkersFormAndNothingStored(DatabaseProvider provider)
    {
        var (planning, _) = await Published(provider);
        Ok(await RegisterDecision(planning, People.Sogndal, Places.Sogndal, Decision(70)));
        Ok(await RegisterDecision(planning, People.Sogndal, Places.Sogndal, Decision(75, expectedVersion: 1)));

        var stale = Refused(await RegisterDecision(planning, People.Sogndal, Places.Sogndal, Decision(80, expectedVersion: 1)), ErrorKind.Conflict);

        Assert.Equal($"vedtaket for Sogndal {Places.Year} er endra av ein annan (no versjon 2); last sida på nytt og sjå endringa før du rettar", stale.Message);
        Assert.Equal(2, await Host.Db(db => db.Decisions.CountAsync()));
        Assert.Equal(1, (await Host.AuditActions()).Count(a => a == "decision.correct"));
    }

    [Theory, DatabaseData]
    public async Task Register_OutOfBounds_EveryBrokenRuleReportedWithItsFieldAndNothingStored(DatabaseProvider provider)
    {
        var (planning, _) = await Published(provider);

        var refused = await RegisterDecision(planning, People.Sogndal, Places.Sogndal,
            Decision(-5, em: 2, extra: 100_001, date: new DateOnly(Places.Year - 3, 12, 31)));
        var em = await RegisterDecision(planning, People.Sogndal, Places.Sogndal, Decision(10, em: 11));
        var future = await RegisterDecision(planning, People.Bergen, Places.Bergen, Decision(10, date: Host.Clock.Today.AddDays(1)));

        Assert.Equal(["persons", "em", "additionalCapacity", "decisionDate"], refused.Errors.Select(e => e.Code));
        Assert.All(refused.Errors, e => Assert.Equal(ErrorKind.InvalidInput, e.Kind));
        Assert.Equal("EM er ein del av personane: mellom 0 og 10, fekk 11", Assert.Single(em.Errors).Message);
        Assert.Equal("decisionDate", Assert.Single(future.Errors).Code);
        Assert.StartsWith("vedtaksdatoen", future.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(0, await Host.Db(db => db.Decisions.CountAsync()));
        Assert.DoesNotContain("decision.register", await Host.AuditActions());
    }

    [Theory, DatabaseData]
    public async Task Register_NotAPdf_RefusedAndNoDocumentStored(DatabaseProvider provider)
    {
        var (planning, _) = await Published(provider);

        var html = await RegisterDecision(planning, People.Bergen, Places.Bergen, Decision(10, pdf: new("vedtak.pdf", "<html>not a pdf</html>"u8.ToArray())));
        var exe = await RegisterDecision(planning, People.Bergen, Places.Bergen, Decision(10, pdf: Pdf with { FileName = "vedtak.exe" }));

        Assert.Contains("er ikke en PDF", Assert.Single(html.Errors).Message, StringComparison.Ordinal);
        Assert.Contains("må ha navn som slutter på .pdf", Assert.Single(exe.Errors).Message, StringComparison.Ordinal);
        Assert.Equal(0, await Host.Db(db => db.DecisionDocuments.CountAsync()));
        Assert.Equal(0, await Host.Db(db => db.Decisions.CountAsync()));
    }

    [Theory, DatabaseData]
    public async Task Register_ForAnotherMunicipalityOrByStaff_ForbiddenAndNothingStored(DatabaseProvider provider)
    {
        var (planning, _) = await Published(provider);

        var other = Refused(await RegisterDecision(planning, People.Sogndal, Places.Bergen, Decision(10)), ErrorKind.Forbidden);
        Refused(await RegisterDecision(planning, People.Planner, Places.Sogndal, Decision(10)), ErrorKind.Forbidden);
        Refused(await RegisterDecision(planning, People.Vestland, Places.Sogndal, Decision(10)), ErrorKind.Forbidden);
        Refused(await RegisterDecision(planning, People.Sogndal, "9999", Decision(10)), ErrorKind.NotFound);

        Assert.Equal("berre saksbehandlaren i Bergen registrerer vedtaket til kommunen", other.Message);
        Assert.Equal(0, await Host.Db(db => db.Decisions.CountAsync()));
    }

    [Theory, DatabaseData]
    public async Task Register_BeforePublicationOrWhenLocked_Refused(DatabaseProvider provider)
    {
        var (planning, _) = await OnConsultation(provider);
        Assert.Equal("decision.closed", Refused(await RegisterDecision(planning, People.Bergen, Places.Bergen, Decision(10)), ErrorKind.InvalidInput).Code);
        await Scenario.FourEyes(planning, YearStatus.Approved);
        await Scenario.FourEyes(planning, YearStatus.Published);
        Ok(await planning.Years.SetDeadline(People.Planner, Places.Settlement, null, locked: true, (await Year(planning)).Version));

        Assert.Equal("decision.closed", Refused(await RegisterDecision(planning, People.Bergen, Places.Bergen, Decision(10)), ErrorKind.InvalidInput).Code);
        Assert.Equal(0, await Host.Db(db => db.Decisions.CountAsync()));
    }

    [Theory, DatabaseData]
    public async Task Register_ThePlannersAreToldTheNumbersAndTheRequest(DatabaseProvider provider)
    {
        var (planning, run) = await Published(provider);
        var requested = await Requested(Host, run.Id, Places.Bergen);

        Ok(await RegisterDecision(planning, People.Bergen, Places.Bergen, Decision(120, em: 10)));

        var messages = await Host.Db(db => db.Outbox.Where(m => m.Kind == "decision").ToListAsync());
        Assert.Equal(new[] { People.Planner, People.SecondPlanner }.Select(People.Email).Order(StringComparer.Ordinal), messages.Select(m => m.To).Order(StringComparer.Ordinal));
        Assert.Equal($"Vedtak registrert: Bergen {Places.Year}", messages[0].Subject);
        Assert.Contains($"120 personer, herav 10 enslige mindreårige, vedtatt 20.11.{Places.Year}. Anmodet ({Texts.Number(requested)}).", messages[0].Body, StringComparison.Ordinal);
    }

    /// <summary>
    /// Issue 16, item 5: Sogndal's council decided its first request; a revision cuts the need and publishes a lower
    /// request. The case worker's next task is a new decision (with the deadline), the adjusted letter's e-mail says so,
    /// and registering the new decision ends the task.
    /// </summary>
    [Theory, DatabaseData]
    public async Task Revision_DecisionAboveTheAdjustedRequest_NewDecisionAskedForUntilRegistered(DatabaseProvider provider)
    {
        var (planning, original) = await Published(provider);
        var first = await Requested(Host, original.Id, Places.Sogndal);
        Ok(await RegisterDecision(planning, People.Sogndal, Places.Sogndal, Decision(first)));
        var sogndal = Places.Number(Places.Sogndal);
        Assert.Null(await planning.Decisions.NewDecisionNeeded(Places.Settlement, sogndal)); // the first publication adjusts nothing

        Host.Clock.Advance(TimeSpan.FromHours(1));
        Ok(await Step(planning, People.Planner, YearStatus.Revised));
        Ok(await AddNeed(planning, People.Planner, 12_640, 0, expected: 1));
        var revision = Ok(await planning.Revisions.RunRevision(People.Planner, Places.Settlement, new(RevisionMode.FullResolve, AgreementTreatment.Scale, new Dictionary<int, AgreementTreatment>()), "revisjon"));
        var adjusted = await Requested(Host, revision.Id, Places.Sogndal);
        Assert.True(adjusted < first, $"the cut lowers Sogndal's request ({first} → {adjusted})");
        Assert.Null(await planning.Decisions.NewDecisionNeeded(Places.Settlement, sogndal)); // not published yet
        Ok(await Step(planning, People.Planner, YearStatus.Consultation));
        await Scenario.FourEyes(planning, YearStatus.Approved);
        await Scenario.FourEyes(planning, YearStatus.Published);

        Assert.Equal(new NewDecisionTask(first, adjusted, null, 1), await planning.Decisions.NewDecisionNeeded(Places.Settlement, sogndal));
        var deadline = new DateOnly(Places.Year, 11, 1); // IMDi sets the new deadline for the revised year
        Ok(await planning.Years.SetDeadline(People.Planner, Places.Settlement, deadline, locked: false, (await Year(planning)).Version));
        var task = await planning.Decisions.NewDecisionNeeded(Places.Settlement, sogndal);
        Assert.Equal(new NewDecisionTask(first, adjusted, deadline, 1), task);

        // The adjusted letter's e-mail carries the same task, in the case worker's form (Sogndal: Nynorsk).
        var notifications = Host.Services.GetRequiredService<global::Busetting.Planning.Notifications>();
        await Host.Db(async db =>
        {
            await notifications.LetterSent(db, new Letter { Year = Places.Settlement, Kommunenummer = sogndal, Kind = LetterKind.Adjusted, Reference = "J1", Requested = adjusted });
            return await db.SaveChangesAsync();
        });
        var mail = await Host.Db(db => db.Outbox.Where(m => m.Kind == "letter").SingleAsync());
        Assert.Contains($"Kommunestyret har vedteke {Texts.Number(first)} personar, over den justerte oppmodinga på {Texts.Number(adjusted)}.", mail.Body, StringComparison.Ordinal);
        Assert.Contains($"Registrer nytt vedtak innan {deadline.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)}", mail.Body, StringComparison.Ordinal);

        Ok(await RegisterDecision(planning, People.Sogndal, Places.Sogndal, Decision(adjusted, expectedVersion: 1)));
        Assert.Null(await planning.Decisions.NewDecisionNeeded(Places.Settlement, sogndal));
    }
}
