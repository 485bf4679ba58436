namespace Busetting.Planning.Tests.Dialogue;

/// <summary>County proposal packages on consultation: proposed, answered, withdrawn; all lines stored or none.</summary>
public sealed class ProposalTests : PlanningTest
{
    [Theory, DatabaseData]
    public async Task ProposePackage_CountyForItsMunicipalities_OneOpenPackageFromTheNewestRun(DatabaseProvider provider)
    {
        var (planning, run) = await OnConsultation(provider);
        var sogndal = await Requested(Host, run.Id, Places.Sogndal);
        var voss = await Requested(Host, run.Id, Places.Voss);

        var lines = Ok(await Propose(planning, People.Vestland, "Bustadmangel", Line(Places.Sogndal, sogndal + 5), Line(Places.Voss, voss + 3)));

        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.Equal((lines[0].Id, ProposalStatus.Open, run.Id, People.Vestland.UserId), (l.Package, l.Status, l.RunId, l.ByUserId)));
        Assert.Equal([(voss, voss + 3), (sogndal, sogndal + 5)], lines.OrderBy(l => l.Kommunenummer).Select(l => (l.FromPersons, l.ProposedPersons)));
        var package = Assert.Single(await planning.Dialogue.Packages(People.Planner, Places.Settlement));
        Assert.Equal((sogndal + voss, sogndal + voss + 8), (package.Before, package.After));
        Assert.Empty(await planning.Dialogue.Packages(People.OsloCounty, Places.Settlement));
        Assert.Equal(2, (await Host.AuditActions()).Count(a => a == "proposal.create"));
    }

    [Theory, DatabaseData]
    public async Task ProposePackage_OneBadLine_NothingOfThePackageStored(DatabaseProvider provider)
    {
        var (planning, run) = await OnConsultation(provider);
        var sogndal = await Requested(Host, run.Id, Places.Sogndal);

        Assert.Equal("proposal.persons", Refused(await Propose(planning, People.Vestland, "x", Line(Places.Sogndal, sogndal + 1), Line(Places.Voss, Places.Need + 1)), ErrorKind.InvalidInput).Code);
        Assert.Equal("proposal.persons", Refused(await Propose(planning, People.Vestland, "x", Line(Places.Sogndal, sogndal)), ErrorKind.InvalidInput).Code);
        Assert.Equal("proposal.lines", Refused(await Propose(planning, People.Vestland, "x", Line(Places.Sogndal, 1), Line(Places.Sogndal, 2)), ErrorKind.InvalidInput).Code);
        Assert.Equal("proposal.lines", Refused(await Propose(planning, People.Vestland, "x"), ErrorKind.InvalidInput).Code);
        var em = Refused(await Propose(planning, People.Vestland, "x", Line(Places.Sogndal, 3, em: 4)), ErrorKind.InvalidInput);
        Assert.Equal("proposal.em", em.Code);
        Assert.Contains("EM er en del av personene", em.Message, StringComparison.Ordinal);
        Assert.Equal("proposal.reason", Refused(await Propose(planning, People.Vestland, " ", Line(Places.Sogndal, sogndal + 1)), ErrorKind.InvalidInput).Code);
        Refused(await Propose(planning, People.Vestland, "x", Line("9999", 1)), ErrorKind.NotFound);

        Assert.Equal(0, await Host.Db(db => db.Proposals.CountAsync()));
        Assert.DoesNotContain("proposal.create", await Host.AuditActions());
    }

    [Theory, DatabaseData]
    public async Task ProposePackage_WrongCountyKsPlannerOrCaseWorker_Forbidden(DatabaseProvider provider)
    {
        var (planning, _) = await OnConsultation(provider);

        var oslo = Refused(await Propose(planning, People.Vestland, "x", Line(Places.Oslo, 1)), ErrorKind.Forbidden);
        Assert.Equal($"du kan ikke foreslå endringer for {Places.Oslo} Oslo", oslo.Message);
        Refused(await Propose(planning, People.Vestland, "x", Line(Places.Sogndal, 1), Line(Places.Oslo, 1)), ErrorKind.Forbidden);
        Refused(await Propose(planning, People.OsloCounty, "x", Line(Places.Bergen, 1)), ErrorKind.Forbidden);
        Refused(await Propose(planning, People.Ks, "x", Line(Places.Bergen, 1)), ErrorKind.Forbidden);
        Refused(await Propose(planning, People.Planner, "x", Line(Places.Bergen, 1)), ErrorKind.Forbidden);
        Refused(await Propose(planning, People.Bergen, "x", Line(Places.Bergen, 1)), ErrorKind.Forbidden);

        Assert.Equal(0, await Host.Db(db => db.Proposals.CountAsync()));
    }

    [Theory, DatabaseData]
    public async Task ProposePackage_YearNotOnConsultationOrPastTheDeadline_Refused(DatabaseProvider provider)
    {
        var (planning, _) = await WithRun(provider);
        Assert.Equal("proposal.status", Refused(await Propose(planning, People.Vestland, "x", Line(Places.Sogndal, 1)), ErrorKind.InvalidInput).Code);
        Ok(await Step(planning, People.Planner, YearStatus.Consultation));

        Host.Clock.Advance(TimeSpan.FromDays(40));

        Refused(await Propose(planning, People.Vestland, "x", Line(Places.Sogndal, 1)), ErrorKind.InvalidInput);
        Assert.False(planning.Dialogue.ConsultationOpen(await Year(planning)));
        Assert.Equal(0, await Host.Db(db => db.Proposals.CountAsync()));
    }

    [Theory, DatabaseData]
    public async Task Accept_Package_AgreedNumbersFixedInANewRunThatStillSumsToTheNeed(DatabaseProvider provider)
    {
        var (planning, run) = await OnConsultation(provider);
        var proposed = await Requested(Host, run.Id, Places.Sogndal) + 10;
        var package = Ok(await Propose(planning, People.Vestland, "Bustadmangel", Line(Places.Sogndal, proposed)))[0];

        var decision = Ok(await Accept(planning, package, "Avtalt med fylket"));

        var second = decision.NewRun!;
        Assert.Equal("Etter forslag #1", second.Label); // the package's running number in the year, not its line id
        Assert.Equal(proposed, await Requested(Host, second.Id, Places.Sogndal));
        Assert.Equal(Places.Need, await Host.Db(db => db.RunLines.Where(l => l.RunId == second.Id).SumAsync(l => l.Requested)));
        var stored = await Host.Db(db => db.Proposals.SingleAsync());
        Assert.Equal((ProposalStatus.Accepted, "Avtalt med fylket", "ok", 2), (stored.Status, stored.PublicJustification, stored.DecisionNote, stored.Version));
        Assert.Equal(["proposal.create", "proposal.accept", "run.create"], (await Host.AuditActions()).TakeLast(3));
        var summary = await planning.Years.Summary(Places.Settlement, YearStatus.Approved);
        Assert.Equal((0, 1), (summary.OpenProposals, summary.Agreed));
    }

    [Theory, DatabaseData]
    public async Task Accept_WithoutAPublicJustification_RefusedAndThePackageStaysOpen(DatabaseProvider provider)
    {
        var (planning, run) = await OnConsultation(provider);
        var package = Ok(await Propose(planning, People.Vestland, "x", Line(Places.Sogndal, await Requested(Host, run.Id, Places.Sogndal) + 1)))[0];

        Assert.Equal("proposal.public", Refused(await Accept(planning, package, " ", "Avtalt med fylket"), ErrorKind.InvalidInput).Code);
        Refused(await planning.Dialogue.DecideProposal(People.Vestland, package.Package, true, null, package.Version, new DialogueHandler.Justification("x", "x")), ErrorKind.Forbidden);

        Assert.Equal(ProposalStatus.Open, await Host.Db(db => db.Proposals.Select(p => p.Status).SingleAsync()));
        Assert.Equal(1, await Host.Db(db => db.Runs.CountAsync()));
    }

    [Theory, DatabaseData]
    public async Task Reject_ThenAnsweredAgain_ConflictNamingTheFirstAnswer(DatabaseProvider provider)
    {
        var (planning, run) = await OnConsultation(provider);
        var package = Ok(await Propose(planning, People.Vestland, "x", Line(Places.Bergen, await Requested(Host, run.Id, Places.Bergen) - 5)))[0];

        var rejected = Ok(await Reject(planning, package));
        var again = Refused(await Accept(planning, package), ErrorKind.Conflict);

        Assert.Null(rejected.NewRun);
        Assert.Equal($"forslag {package.Id} er allerede avvist av {People.Planner.Name}; last siden på nytt", again.Message);
        Assert.Equal(ProposalStatus.Rejected, await Host.Db(db => db.Proposals.Select(p => p.Status).SingleAsync()));
        Assert.Equal(1, await Host.Db(db => db.Runs.CountAsync()));
    }

    [Theory, DatabaseData]
    public async Task Withdraw_ByTheAuthorOnly_WhileConsultationIsOpen(DatabaseProvider provider)
    {
        var (planning, run) = await OnConsultation(provider);
        var sogndal = await Requested(Host, run.Id, Places.Sogndal);
        var package = Ok(await Propose(planning, People.Vestland, "x", Line(Places.Sogndal, sogndal + 1), Line(Places.Voss, 1)))[0];
        var sameName = People.Vestland with { UserId = "someone-else" };

        Refused(await planning.Dialogue.WithdrawProposal(sameName, package.Package, package.Version), ErrorKind.Forbidden);
        Refused(await planning.Dialogue.WithdrawProposal(People.Planner, package.Package, package.Version), ErrorKind.Forbidden);
        Ok(await planning.Dialogue.WithdrawProposal(People.Vestland, package.Package, package.Version));
        Refused(await planning.Dialogue.WithdrawProposal(People.Vestland, package.Package, package.Version), ErrorKind.Conflict);

        Assert.All(await Host.Db(db => db.Proposals.ToListAsync()), p => Assert.Equal((ProposalStatus.Withdrawn, People.Vestland.Name), (p.Status, p.DecidedBy)));
        Assert.Equal(2, (await Host.AuditActions()).Count(a => a == "proposal.withdraw"));
    }

    [Theory, DatabaseData]
    public async Task Withdraw_AfterTheDeadline_RefusedAndStaysOpen(DatabaseProvider provider)
    {
        var (planning, run) = await OnConsultation(provider);
        var package = Ok(await Propose(planning, People.Vestland, "x", Line(Places.Sogndal, await Requested(Host, run.Id, Places.Sogndal) + 1)))[0];
        Host.Clock.Advance(TimeSpan.FromDays(40));

        Assert.Equal("proposal.deadline", Refused(await planning.Dialogue.WithdrawProposal(People.Vestland, package.Package, package.Version), ErrorKind.InvalidInput).Code);
        Assert.Equal(ProposalStatus.Open, await Host.Db(db => db.Proposals.Select(p => p.Status).SingleAsync()));
    }

    [Theory, DatabaseData]
    public async Task PreviewPackage_ShowsTheNationalEffectAndStoresNothing(DatabaseProvider provider)
    {
        var (planning, run) = await OnConsultation(provider);
        var sogndal = await Requested(Host, run.Id, Places.Sogndal);
        var package = Ok(await Propose(planning, People.Vestland, "x", Line(Places.Sogndal, sogndal + 20)))[0];
        var audited = (await Host.AuditActions()).Count;

        var effect = Ok(await planning.Dialogue.PreviewPackage(People.Planner, package.Package));

        Assert.Equal((run.Id, Places.Need, Places.Need), (effect.RunId, effect.NationalBefore, effect.NationalAfter));
        var line = Assert.Single(effect.Lines);
        Assert.Equal((Places.Sogndal, sogndal, sogndal + 20), (line.Kommunenummer, line.Before, line.After));
        Assert.Equal(20, effect.Others.Sum(o => o.Before - o.After));
        Refused(await planning.Dialogue.PreviewPackage(People.Vestland, package.Package), ErrorKind.Forbidden);
        Assert.Equal(1, await Host.Db(db => db.Runs.CountAsync()));
        Assert.Equal(audited, (await Host.AuditActions()).Count);
    }

    /// <summary>Packages are numbered 1, 2 … in their year, whatever their line ids; a county reads the same number as IMDi.</summary>
    [Theory, DatabaseData]
    public async Task Packages_OwnRunningNumbersInTheYear(DatabaseProvider provider)
    {
        var (planning, run) = await OnConsultation(provider);
        var first = Ok(await Propose(planning, People.Vestland, "To kommunar", Line(Places.Sogndal, await Requested(Host, run.Id, Places.Sogndal) + 1),
            Line(Places.Bergen, await Requested(Host, run.Id, Places.Bergen) - 1)));
        var second = Ok(await Propose(planning, People.Vestland, "Ein til", Line(Places.Sogndal, await Requested(Host, run.Id, Places.Sogndal) + 2)));
        Assert.True(second[0].Package > 2, "the second package's key is a line id above 2, so its number 2 is not the id");

        var packages = await planning.Dialogue.Packages(People.Vestland, Places.Settlement);
        Assert.Equal([(second[0].Package, 2), (first[0].Package, 1)], packages.Select(p => (p.Id, p.Number)));

        Ok(await planning.Dialogue.WithdrawProposal(People.Vestland, second[0].Package, 1));
        var again = Refused(await planning.Dialogue.WithdrawProposal(People.Vestland, second[0].Package, 1), ErrorKind.Conflict);
        Assert.StartsWith("forslag 2 ", again.Message);
    }
}
