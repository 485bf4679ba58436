using Busetting.Domain.Errors;
using Busetting.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Busetting.Web.Services;

/// <summary>Dialogue with counties and KS: proposals and comments.</summary>
public sealed partial class PlanningService
{
    public Task<List<Proposal>> Proposals(int year) =>
        db.Proposals.AsNoTracking().Where(p => p.Year == year).OrderByDescending(p => p.Id).ToListAsync();

    public async Task<Result<Proposal>> Propose(Actor actor, int year, string kommunenummer, int persons, string reason)
    {
        var municipality = reference.Find(kommunenummer);
        if (municipality is null)
        {
            return Error.NotFound("municipality", Say(actor, $"ingen kommune med nummer {kommunenummer}", $"ingen kommune med nummer {kommunenummer}"));
        }
        if (!Access.CanPropose(actor, municipality))
        {
            return Error.Forbidden(Say(actor, $"du kan ikke foreslå endringer for {kommunenummer} {municipality.Name}", $"du kan ikkje foreslå endringar for {kommunenummer} {municipality.Name}"));
        }
        var planningYear = await Year(year);
        if (planningYear is null)
        {
            return Error.NotFound("year", Say(actor, $"planåret {year} finnes ikke", $"planåret {year} finst ikkje"));
        }
        if (planningYear.Status != YearStatus.Consultation)
        {
            return Error.Invalid("proposal.status", Say(actor, $"forslag tas imot mens {year} er på høring; året er {Ui.Status(actor.Language, planningYear.Status)}", $"forslag blir tekne imot medan {year} er på høyring; året er {Ui.Status(actor.Language, planningYear.Status)}"));
        }
        var run = await db.Runs.Where(r => r.Year == year).OrderByDescending(r => r.Id).Select(r => new { r.Id, r.Persons }).FirstOrDefaultAsync();
        if (run is null)
        {
            return Error.Invalid("proposal.run", Say(actor, $"{year} har ingen fordeling å kommentere ennå", $"{year} har inga fordeling å kommentere enno"));
        }
        if (persons < 0 || persons > run.Persons)
        {
            return Error.Invalid("proposal.persons", Say(actor, $"foreslått antall må være mellom 0 og behovet på {run.Persons}, fikk {persons}", $"foreslått tal må vere mellom 0 og behovet på {run.Persons}, fekk {persons}"));
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Error.Invalid("proposal.reason", Say(actor, $"oppgi en begrunnelse for forslaget", $"oppgje ei grunngjeving for forslaget"));
        }
        if (TooLong(actor, "proposal.reason", reason, FieldLimits.Reason, "begrunnelsen", "grunngjevinga") is { } tooLong)
        {
            return tooLong;
        }
        var from = await db.RunLines.Where(l => l.RunId == run.Id && l.Kommunenummer == kommunenummer).Select(l => l.Requested).FirstOrDefaultAsync();
        var proposal = new Proposal
        {
            Year = year, RunId = run.Id, Kommunenummer = kommunenummer, FromPersons = from, ProposedPersons = persons,
            Reason = reason.Trim(), By = actor.Name, ByRole = actor.Role!, At = Now, Status = ProposalStatus.Open, Version = 1,
        };
        db.Proposals.Add(proposal);
        Audit(actor, "proposal.create", year, kommunenummer, new { from, to = persons }, reason);
        return await Save(actor, proposal);
    }

    public sealed record ProposalDecision(Proposal Proposal, AllocationRun? NewRun);

    /// <summary>Accepting fixes the number and re-solves the rest at once; if the re-solve fails, nothing is stored.</summary>
    public async Task<Result<ProposalDecision>> DecideProposal(Actor actor, int proposalId, bool accept, string? note, int expectedVersion)
    {
        if (!Access.CanPlan(actor))
        {
            return Error.Forbidden(Say(actor, $"bare IMDis planleggere godtar eller avviser forslag", $"berre planleggjarane i IMDi godtek eller avviser forslag"));
        }
        if (TooLong(actor, "proposal.note", note, FieldLimits.Note, "merknaden", "merknaden") is { } tooLong)
        {
            return tooLong;
        }
        // The answer, its audit entry and (when accepted) the re-solved run in one transaction: if the re-solve fails, nothing is stored.
        return await db.InTransaction(() => StoreProposalDecision(actor, proposalId, accept, note, expectedVersion), r => r.IsSuccess);
    }

    private async Task<Result<ProposalDecision>> StoreProposalDecision(Actor actor, int proposalId, bool accept, string? note, int expectedVersion)
    {
        var proposal = await db.Proposals.FirstOrDefaultAsync(p => p.Id == proposalId);
        if (proposal is null)
        {
            return Error.NotFound("proposal", Say(actor, $"forslag {proposalId} finnes ikke", $"forslag {proposalId} finst ikkje"));
        }
        if (proposal.Version != expectedVersion || proposal.Status != ProposalStatus.Open)
        {
            return ProposalConflict(actor, proposal);
        }
        proposal.Status = accept ? ProposalStatus.Accepted : ProposalStatus.Rejected;
        proposal.DecidedBy = actor.Name;
        proposal.DecidedAt = Now;
        proposal.DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        proposal.Version++;
        Audit(actor, accept ? "proposal.accept" : "proposal.reject", proposal.Year, proposal.Kommunenummer,
            new { proposal.Id, proposal.FromPersons, proposal.ProposedPersons }, note);
        var saved = await Save(actor, proposal);
        if (!saved.IsSuccess)
        {
            return Result<ProposalDecision>.Fail(saved.Errors);
        }
        AllocationRun? newRun = null;
        if (accept)
        {
            var run = await RunAllocation(actor, proposal.Year, Inv($"Etter forslag #{proposal.Id} ({proposal.Kommunenummer}: {proposal.ProposedPersons})"));
            if (!run.IsSuccess)
            {
                return Result<ProposalDecision>.Fail(run.Errors);
            }
            newRun = run.Value;
        }
        return new ProposalDecision(proposal, newRun);
    }

    private static Error ProposalConflict(Actor actor, Proposal proposal)
    {
        var status = proposal.Status switch
        {
            ProposalStatus.Accepted => Say(actor, $"godtatt", $"godteke"),
            ProposalStatus.Rejected => Say(actor, $"avvist", $"avvist"),
            _ => Say(actor, $"endret", $"endra"),
        };
        var by = proposal.DecidedBy ?? Say(actor, $"en annen", $"ein annan");
        return Error.Conflict("proposal.version", Say(actor, $"forslag {proposal.Id} er allerede {status} av {by}; last siden på nytt", $"forslag {proposal.Id} er allereie {status} av {by}; last sida på nytt"));
    }

    public Task<List<Comment>> Comments(int year, string? kommunenummer) =>
        db.Comments.AsNoTracking().Where(c => c.Year == year && (kommunenummer == null || c.Kommunenummer == kommunenummer)).OrderByDescending(c => c.Id).ToListAsync();

    public async Task<Result<Comment>> AddComment(Actor actor, int year, string kommunenummer, string text)
    {
        var municipality = reference.Find(kommunenummer);
        if (municipality is null)
        {
            return Error.NotFound("municipality", Say(actor, $"ingen kommune med nummer {kommunenummer}", $"ingen kommune med nummer {kommunenummer}"));
        }
        if (!Access.CanComment(actor, municipality))
        {
            return Error.Forbidden(Say(actor, $"du kan ikke kommentere {kommunenummer} {municipality.Name}", $"du kan ikkje kommentere {kommunenummer} {municipality.Name}"));
        }
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > FieldLimits.Comment)
        {
            return Error.Invalid("comment.text", Say(actor, $"en kommentar må ha mellom 1 og {Application.Texts.Number(FieldLimits.Comment)} tegn", $"ein kommentar må ha mellom 1 og {Application.Texts.Number(FieldLimits.Comment)} teikn"));
        }
        if (!await db.Years.AnyAsync(y => y.Year == year))
        {
            return Error.NotFound("year", Say(actor, $"planåret {year} finnes ikke", $"planåret {year} finst ikkje"));
        }
        var comment = new Comment { Year = year, Kommunenummer = kommunenummer, Text = text.Trim(), By = actor.Name, ByRole = actor.Role!, At = Now };
        db.Comments.Add(comment);
        Audit(actor, "comment.add", year, kommunenummer, new { length = comment.Text.Length }, null);
        return await Save(actor, comment);
    }
}
