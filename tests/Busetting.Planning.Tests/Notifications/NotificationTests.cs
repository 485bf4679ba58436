using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Busetting.Planning.Tests.Notifications;

/// <summary>E-mails are written to the outbox in the same transaction as the change that causes them.</summary>
public sealed class NotificationTests : PlanningTest
{
    private static Task<List<OutboxMessage>> Messages(PlanningHost host, string kind) =>
        host.Db(async db => (await db.Outbox.Where(m => m.Kind == kind).ToListAsync()).OrderBy(m => m.To, StringComparer.Ordinal).ToList());

    [Theory, DatabaseData]
    public async Task Consultation_EveryCountyAndKsReviewerIsAskedToLook(DatabaseProvider provider)
    {
        await OnConsultation(provider);

        var messages = await Messages(Host, "consultation");

        Assert.Equal(new[] { People.OsloCounty, People.Vestland, People.Ks }.Select(People.Email).Order(StringComparer.Ordinal), messages.Select(m => m.To));
        var vestland = messages.Single(m => m.To == People.Email(People.Vestland));
        Assert.Equal($"Fordelingen for {Places.Year} er sendt på høring", vestland.Subject);
        Assert.Contains("Se tallene for kommunene i Vestland", vestland.Body, StringComparison.Ordinal);
        Assert.All(messages, m => Assert.Equal((OutboxStatus.Pending, (SettlementYear?)Places.Settlement), (m.Status, m.Year)));
    }

    [Theory, DatabaseData]
    public async Task Consultation_Refused_NoMessageWritten(DatabaseProvider provider)
    {
        var planning = await Drafted(provider);

        Assert.False((await Step(planning, People.Planner, YearStatus.Consultation)).IsSuccess);

        Assert.Empty(await Host.Db(db => db.Outbox.ToListAsync()));
    }

    [Theory, DatabaseData]
    public async Task Consultation_LockedReviewer_GetsNoMessage(DatabaseProvider provider)
    {
        var host = await Start(provider);
        await host.InScope<UserManager<AppUser>, IdentityResult>(async users =>
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(People.Ks.UserId!))!, DateTimeOffset.MaxValue));

        await Scenario.OnConsultation(host);

        Assert.DoesNotContain(People.Email(People.Ks), (await Messages(host, "consultation")).Select(m => m.To));
        Assert.Equal(2, (await Messages(host, "consultation")).Count);
    }

    [Theory, DatabaseData]
    public async Task ProposalAnswered_OnlyItsAuthorIsToldWithTheNote(DatabaseProvider provider)
    {
        var (planning, run) = await OnConsultation(provider);
        var from = await Requested(Host, run.Id, Places.Bergen);
        var package = Ok(await Propose(planning, People.Vestland, "x", Line(Places.Bergen, from - 5)))[0];

        Ok(await Reject(planning, package));

        var message = Assert.Single(await Messages(Host, "proposal"));
        Assert.Equal((People.Email(People.Vestland), Places.Number(Places.Bergen)), (message.To, message.Kommunenummer));
        Assert.Equal($"Forslaget ditt for Bergen ({Places.Year}) er avvist", message.Subject);
        Assert.Contains($"fra {Texts.Number(from)} til {Texts.Number(from - 5)} personer", message.Body, StringComparison.Ordinal);
        Assert.Contains("Merknad fra IMDi: nei", message.Body, StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task DecisionByANynorskMunicipality_ThePlannersAreToldInTheirOwnForm(DatabaseProvider provider)
    {
        var (planning, _) = await Published(provider);

        Ok(await RegisterDecision(planning, People.Sogndal, Places.Sogndal, Decision(70)));
        Ok(await RegisterDecision(planning, People.Sogndal, Places.Sogndal, Decision(75, expectedVersion: 1)));

        var messages = await Messages(Host, "decision");
        Assert.Equal(4, messages.Count);
        Assert.All(messages, m => Assert.Equal(WrittenStandard.Nb, m.Language));
        Assert.Equal(2, messages.Count(m => m.Subject == $"Vedtak rettet: Sogndal {Places.Year}"));
    }

    [Theory, DatabaseData]
    public async Task AcceptanceRolledBack_WritesNoMessage(DatabaseProvider provider)
    {
        // Accepting a proposal that gives one municipality the whole need cannot be re-solved (every other floor and
        // must-ask rule is broken): the acceptance is rolled back, and the message to the proposer with it.
        var (planning, _) = await OnConsultation(provider);
        var consultation = await Host.Db(d => d.Outbox.CountAsync());
        var proposal = Ok(await ProposeOne(planning, People.Vestland, Places.Sogndal, Places.Need, "alle til Sogndal"));

        Assert.False((await Accept(planning, proposal, "alle til Sogndal")).IsSuccess);

        Assert.Equal(ProposalStatus.Open, await Host.Db(d => d.Proposals.Select(p => p.Status).SingleAsync()));
        Assert.Equal(consultation, await Host.Db(d => d.Outbox.CountAsync()));
        Assert.Equal(0, await Host.Db(d => d.Outbox.CountAsync(m => m.Kind == "proposal")));
    }

    [Fact]
    public void LanguageOf_OwnChoiceElseTheMunicipalitysFormElseBokmal()
    {
        var notifications = new global::Busetting.Planning.Notifications(new ReferenceStore(TestData.Folder), TimeProvider.System,
            new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());

        Assert.Equal(WrittenStandard.Nn, notifications.LanguageOf(new AppUser { Kommunenummer = Places.Number(Places.Sogndal) }));
        Assert.Equal(WrittenStandard.Nb, notifications.LanguageOf(new AppUser { Kommunenummer = Places.Number(Places.Sogndal), Language = WrittenStandard.Nb }));
        Assert.Equal(WrittenStandard.Nb, notifications.LanguageOf(new AppUser { Kommunenummer = Places.Number(Places.Bergen) }));
        Assert.Equal(WrittenStandard.Nn, notifications.LanguageOf(new AppUser { Language = WrittenStandard.Nn }));
        Assert.Equal(WrittenStandard.Nb, notifications.LanguageOf(new AppUser()));
    }
}
