using UglyToad.PdfPig;

namespace Busetting.Planning.Tests.Dialogue;

/// <summary>
/// Issue 16, items 3 and 11: a public justification is asked for in Bokmål and Nynorsk, reaches each reader (page,
/// letter) only in their own written standard with who agreed, and can be corrected after acceptance — versioned and audited.
/// </summary>
public sealed class JustificationTests : PlanningTest
{
    private const string Nb = "Fylket og IMDi er enige om flere plasser i Sogndal.";
    private const string Nn = "Fylket og IMDi er einige om fleire plassar i Sogndal.";

    /// <summary>Vestland's package for Sogndal (Nynorsk) and Bergen (Bokmål), accepted with the public text in both forms.</summary>
    private async Task<(PlanningHandlers Planning, Proposal Package, AllocationRun Run)> Accepted(DatabaseProvider provider, string nb = Nb, string? nn = Nn)
    {
        var (planning, run) = await OnConsultation(provider);
        var package = Ok(await Propose(planning, People.Vestland, "intern",
            Line(Places.Sogndal, await Requested(Host, run.Id, Places.Sogndal) + 5), Line(Places.Bergen, await Requested(Host, run.Id, Places.Bergen) - 5)))[0];
        var decided = Ok(await planning.Dialogue.DecideProposal(People.Planner, package.Package, accept: true, "ok", package.Version, new DialogueHandler.Justification(nb, nn)));
        return (planning, await Host.Db(db => db.Proposals.SingleAsync(p => p.Id == package.Id)), decided.NewRun!);
    }

    [Theory, DatabaseData]
    public async Task Accept_BothForms_StoredOnEveryLine_AndTheRunKnowsWhoAgreed(DatabaseProvider provider)
    {
        var (planning, _, run) = await Accepted(provider);

        Assert.All(await Host.Db(db => db.Proposals.ToListAsync()), p => Assert.Equal((Nb, Nn), (p.PublicJustification, p.PublicJustificationNn)));
        var agreed = StoredRun.Agreed(await Host.Db(db => db.Runs.SingleAsync(r => r.Id == run.Id)));
        Assert.All(agreed, a => Assert.Equal((Nb, Nn, AgreementParty.County), (a.Reason, a.ReasonNn, a.With)));
        var sogndal = await planning.Dialogue.AgreedJustification(run, Places.Number(Places.Sogndal));
        Assert.Equal((Nb, Nn), (sogndal!.Text.For(WrittenStandard.Nb), sogndal.Text.For(WrittenStandard.Nn)));
        Assert.Equal(("Endret etter dialog med fylket", "Endra etter dialog med fylket"), (sogndal.Heading(WrittenStandard.Nb), sogndal.Heading(WrittenStandard.Nn)));
        // The explanation names who agreed, not the free text (printed on its own, in the reader's form).
        var line = await Host.Db(db => db.RunLines.SingleAsync(l => l.RunId == run.Id && l.Kommunenummer == Places.Number(Places.Sogndal)));
        var presented = ExplanationPresenter.Present(StoredExplanation.Parse(line.ExplanationJson), WrittenStandard.Nn, new Dictionary<string, (string, string)>());
        Assert.Contains(presented.BindingRules, r => r.Text.StartsWith("Avtalt etter dialog med fylket: ", StringComparison.Ordinal));
        Assert.DoesNotContain("einige", line.ExplanationJson, StringComparison.Ordinal);
        Assert.Single(await planning.Dialogue.JustificationHistory(await Host.Db(db => db.Proposals.MinAsync(p => p.Id))));
    }

    [Theory, DatabaseData]
    public async Task Accept_OneFormMissing_RefusedNamingIt_NothingStored(DatabaseProvider provider)
    {
        var (planning, run) = await OnConsultation(provider);
        var package = Ok(await Propose(planning, People.Vestland, "intern", Line(Places.Sogndal, await Requested(Host, run.Id, Places.Sogndal) + 5)))[0];

        var noNynorsk = Refused(await planning.Dialogue.DecideProposal(People.Planner, package.Package, true, "ok", package.Version, new DialogueHandler.Justification(Nb, " ")), ErrorKind.InvalidInput);
        Assert.Equal("proposal.public-nn", noNynorsk.Code);
        Assert.Contains("på nynorsk", noNynorsk.Message, StringComparison.Ordinal);
        var neither = await planning.Dialogue.DecideProposal(People.Planner, package.Package, true, "ok", package.Version, new DialogueHandler.Justification(null, null));
        Assert.Equal(["proposal.public", "proposal.public-nn"], neither.Errors.Select(e => e.Code));

        Assert.Equal(ProposalStatus.Open, await Host.Db(db => db.Proposals.Select(p => p.Status).SingleAsync()));
        Assert.Equal(1, await Host.Db(db => db.Runs.CountAsync()));
        Assert.Equal(0, await Host.Db(db => db.JustificationVersions.CountAsync()));
    }

    [Theory, DatabaseData]
    public async Task Letters_PrintTheJustificationOnlyInTheirOwnWrittenStandard(DatabaseProvider provider)
    {
        var (planning, _, _) = await Accepted(provider);
        await Scenario.FourEyes(planning, YearStatus.Approved);
        Ok(await MakeLetters(Host, People.Planner));

        var sogndal = Text(await Host.Db(db => db.Letters.Where(l => l.Kommunenummer == Places.Number(Places.Sogndal)).Select(l => l.Pdf).SingleAsync()));
        var bergen = Text(await Host.Db(db => db.Letters.Where(l => l.Kommunenummer == Places.Number(Places.Bergen)).Select(l => l.Pdf).SingleAsync()));
        Assert.Contains("Avtalt etter dialog med fylket", sogndal);
        Assert.Contains("Grunngjeving: " + Nn, sogndal);
        Assert.DoesNotContain(Nb, sogndal);
        Assert.Contains("Avtalt etter dialog med fylket", bergen);
        Assert.Contains("Begrunnelse: " + Nb, bergen);
        Assert.DoesNotContain(Nn, bergen);
        Assert.DoesNotContain("KS og fylket", bergen);
    }

    [Theory, DatabaseData]
    public async Task OlderSingleText_PrintedOnlyToItsOwnForm_OthersGetWhoAgreedAlone(DatabaseProvider provider)
    {
        // Stored before both forms were asked for: one Nynorsk text and no twin.
        var (planning, package, run) = await Accepted(provider, nb: Nn, nn: Nn);
        await Host.Db(db => db.Proposals.ExecuteUpdateAsync(s => s.SetProperty(p => p.PublicJustificationNn, (string?)null)));
        var agreed = await planning.Dialogue.AgreedJustification(run, Places.Number(Places.Bergen));
        Assert.Equal((null, Nn), (agreed!.Text.For(WrittenStandard.Nb), agreed.Text.For(WrittenStandard.Nn)));

        await Scenario.FourEyes(planning, YearStatus.Approved);
        Ok(await MakeLetters(Host, People.Planner));
        var bergen = Text(await Host.Db(db => db.Letters.Where(l => l.Kommunenummer == Places.Number(Places.Bergen)).Select(l => l.Pdf).SingleAsync()));
        var sogndal = Text(await Host.Db(db => db.Letters.Where(l => l.Kommunenummer == Places.Number(Places.Sogndal)).Select(l => l.Pdf).SingleAsync()));
        Assert.Contains("Avtalt etter dialog med fylket", bergen);
        Assert.DoesNotContain("einige", bergen);
        Assert.DoesNotContain("Begrunnelse:", bergen);
        Assert.Contains("Grunngjeving: " + Nn, sogndal);
        Assert.Equal(package.Package, package.PackageId);
    }

    [Theory, DatabaseData]
    public async Task KsAgreed_TheExplanationSaysKs(DatabaseProvider provider)
    {
        var (planning, run) = await OnConsultation(provider);
        var package = Ok(await Propose(planning, People.Vestland, "intern", Line(Places.Sogndal, await Requested(Host, run.Id, Places.Sogndal) + 5)))[0];
        // Only counties propose today; an agreement that came from KS is told by the proposer's stored role.
        await Host.Db(db => db.Proposals.ExecuteUpdateAsync(s => s.SetProperty(p => p.ByRole, Role.Ks)));
        var decided = Ok(await planning.Dialogue.DecideProposal(People.Planner, package.Package, true, "ok", package.Version, new DialogueHandler.Justification(Nb, Nn)));

        var agreed = await planning.Dialogue.AgreedJustification(decided.NewRun!, Places.Number(Places.Sogndal));
        Assert.Equal("Endra etter dialog med KS", agreed!.Heading(WrittenStandard.Nn));
        var line = await Host.Db(db => db.RunLines.SingleAsync(l => l.RunId == decided.NewRun!.Id && l.Kommunenummer == Places.Number(Places.Sogndal)));
        var presented = ExplanationPresenter.Present(StoredExplanation.Parse(line.ExplanationJson), WrittenStandard.Nb, new Dictionary<string, (string, string)>());
        Assert.Contains(presented.BindingRules, r => r.Text.StartsWith("Avtalt etter dialog med KS: ", StringComparison.Ordinal));
    }

    [Theory, DatabaseData]
    public async Task Correct_AfterAcceptance_NewWordingEverywhere_EarlierKeptAsAVersion_AndAudited(DatabaseProvider provider)
    {
        var (planning, package, run) = await Accepted(provider);
        const string newNb = "Fylket og IMDi er enige om fem flere plasser i Sogndal.";
        const string newNn = "Fylket og IMDi er einige om fem fleire plassar i Sogndal.";

        var corrected = Ok(await planning.Dialogue.CorrectJustification(People.SecondPlanner, package.Package, new DialogueHandler.Justification(newNb, newNn), "Talet mangla", package.Version));

        Assert.Equal(2, corrected.Number);
        var history = await planning.Dialogue.JustificationHistory(package.Package);
        Assert.Equal([(2, newNb, newNn, People.SecondPlanner.Name), (1, Nb, Nn, People.Planner.Name)], history.Select(v => (v.Number, v.Nb, v.Nn!, v.By)));
        Assert.All(await Host.Db(db => db.Proposals.ToListAsync()), p => Assert.Equal((newNb, newNn, package.Version + 1), (p.PublicJustification, p.PublicJustificationNn, p.Version)));
        // The run stored the old wording; the pages read the newest.
        Assert.Equal(newNn, (await planning.Dialogue.AgreedJustification(run, Places.Number(Places.Sogndal)))!.Text.For(WrittenStandard.Nn));
        var audit = await Host.Db(db => db.Audit.Where(a => a.Action == "proposal.justification").ToListAsync());
        Assert.Equal(2, audit.Count);
        Assert.All(audit, a =>
        {
            Assert.Equal((People.SecondPlanner.Name, "Talet mangla"), (a.Actor, a.Reason));
            Assert.Contains("\"from\":{\"nb\":", a.Details, StringComparison.Ordinal);
            Assert.Contains("\"to\":{\"nb\":", a.Details, StringComparison.Ordinal);
        });

        // Letters made after the correction print the new wording.
        await Scenario.FourEyes(planning, YearStatus.Approved);
        Ok(await MakeLetters(Host, People.Planner));
        var sogndal = Text(await Host.Db(db => db.Letters.Where(l => l.Kommunenummer == Places.Number(Places.Sogndal)).Select(l => l.Pdf).SingleAsync()));
        Assert.Contains(newNn, sogndal);
    }

    [Theory, DatabaseData]
    public async Task Correct_RefusedForOthers_OpenPackages_StaleVersions_OneFormMissing_AndUnchangedText(DatabaseProvider provider)
    {
        var (planning, package, _) = await Accepted(provider);
        var text = new DialogueHandler.Justification("Ny tekst.", "Ny tekst.");
        Refused(await planning.Dialogue.CorrectJustification(People.Vestland, package.Package, text, null, package.Version), ErrorKind.Forbidden);
        Refused(await planning.Dialogue.CorrectJustification(People.Ks, package.Package, text, null, package.Version), ErrorKind.Forbidden);
        Refused(await planning.Dialogue.CorrectJustification(People.Planner, package.Package, text, null, package.Version - 1), ErrorKind.Conflict);
        Assert.Equal("proposal.public-nn", Refused(await planning.Dialogue.CorrectJustification(People.Planner, package.Package, text with { Nn = "" }, null, package.Version), ErrorKind.InvalidInput).Code);
        Assert.Equal("proposal.public", Refused(await planning.Dialogue.CorrectJustification(People.Planner, package.Package, new(Nb, Nn), null, package.Version), ErrorKind.InvalidInput).Code);

        var (_, run) = (planning, await Host.Db(db => db.Runs.OrderBy(r => r.Id).FirstAsync()));
        var open = Ok(await Propose(planning, People.Vestland, "intern", Line(Places.Voss, await Requested(Host, run.Id, Places.Voss) + 1)))[0];
        Assert.Equal("proposal.status", Refused(await planning.Dialogue.CorrectJustification(People.Planner, open.Package, text, null, open.Version), ErrorKind.InvalidInput).Code);

        Assert.All(await Host.Db(db => db.Proposals.Where(p => p.Status == ProposalStatus.Accepted).ToListAsync()), p => Assert.Equal(Nb, p.PublicJustification));
        Assert.Equal(1, await Host.Db(db => db.JustificationVersions.CountAsync()));
        Assert.Equal(0, await Host.Db(db => db.Audit.CountAsync(a => a.Action == "proposal.justification")));
    }

    private static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text)))).Replace('\u00A0', ' ');
    }
}
