using Microsoft.AspNetCore.Identity;

namespace Busetting.Planning.Tests.Notifications;

/// <summary>
/// Who an e-mail goes to (issue 14, item 2): a proposal's answer goes to its author's account, found by user id, never
/// to everyone who shares the author's name; locked accounts get nothing; old proposals without an author id get no
/// e-mail rather than a guess. Checked on the outbox rows the events write.
/// </summary>
public sealed class NotificationRecipientTests : PlanningTest
{
    private const string NamesakeCounty = "fylke03@namesake.test";
    private const string NamesakeKs = "ks2@namesake.test";

    /// <summary>A county reviewer in Oslo and a KS adviser who carry the Vestland reviewer's display name.</summary>
    private static Task<bool> AddNamesakes(PlanningHost host) => host.InScope<UserManager<AppUser>, bool>(async users =>
    {
        foreach (var (email, role, county) in new[] { (NamesakeCounty, RoleNames.County, "03"), (NamesakeKs, RoleNames.Ks, (string?)null) })
        {
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = People.Vestland.Name, Fylkesnummer = county, LockoutEnabled = true };
            Assert.True((await users.CreateAsync(user)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        }
        return true;
    });

    private static Task<Result<bool>> Lock(PlanningHost host, Actor person) =>
        host.InScope<UserAdminService, Result<bool>>(users => users.SetLocked(People.Admin, person.UserId!, true));

    /// <summary>On consultation, Vestland proposes four more for Sogndal; returns the open proposal.</summary>
    private static async Task<(PlanningHandlers Planning, Proposal Package)> Propose(PlanningHost host)
    {
        var (planning, run) = await Scenario.OnConsultation(host);
        var from = await Requested(host, run.Id, Places.Sogndal);
        return (planning, Ok(await Handlers.Propose(planning, People.Vestland, "nye bustader", Line(Places.Sogndal, from + 4)))[0]);
    }

    private static Task<List<string>> AnswersTo(PlanningHost host) =>
        host.Db(d => d.Outbox.Where(m => m.Kind == "proposal").Select(m => m.To).ToListAsync());

    [Theory, DatabaseData]
    public async Task ProposalDecided_TwoOtherUsersWithTheAuthorsName_OnlyTheAuthorIsTold(DatabaseProvider provider)
    {
        var host = await Start(provider);
        await AddNamesakes(host);
        var (planning, package) = await Propose(host);
        Ok(await Accept(planning, package));

        Assert.Equal([People.Email(People.Vestland)], await AnswersTo(host));
        // The namesakes had the consultation notice (their own role), and nothing about the proposal.
        var toNamesakes = await host.Db(d => d.Outbox.Where(m => m.To == NamesakeCounty || m.To == NamesakeKs).Select(m => m.Kind).ToListAsync());
        Assert.Equal(["consultation", "consultation"], toNamesakes);
    }

    [Theory, DatabaseData]
    public async Task ProposalDecided_AuthorLocked_NoMessage(DatabaseProvider provider)
    {
        var host = await Start(provider);
        var (planning, package) = await Propose(host);
        Ok(await Lock(host, People.Vestland));

        Ok(await Accept(planning, package));
        Assert.Empty(await AnswersTo(host));
    }

    [Theory, DatabaseData]
    public async Task ProposalDecided_OldProposalWithoutAuthorId_NoMessageRatherThanAGuess(DatabaseProvider provider)
    {
        var host = await Start(provider);
        var (planning, package) = await Propose(host);
        await host.Db(d => d.Proposals.ExecuteUpdateAsync(s => s.SetProperty(p => p.ByUserId, (string?)null)));

        Ok(await Accept(planning, package));
        Assert.Empty(await AnswersTo(host));
    }

    [Theory, DatabaseData]
    public async Task ConsultationOpened_LockedReviewer_NoMessage(DatabaseProvider provider)
    {
        var host = await Start(provider);
        Ok(await Lock(host, People.Ks));
        await Scenario.OnConsultation(host);

        Assert.Equal(new[] { People.OsloCounty, People.Vestland }.Select(People.Email).Order(StringComparer.Ordinal),
            (await host.Db(d => d.Outbox.Select(m => m.To).ToListAsync())).Order(StringComparer.Ordinal));
    }
}
