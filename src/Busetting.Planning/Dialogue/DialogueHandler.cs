
namespace Busetting.Planning;

/// <summary>Dialogue with counties and KS: proposal packages, their national effect, answers, withdrawals and comments.</summary>
public sealed class DialogueHandler : PlanningHandler
{
    private readonly RunHandler runs;

    public DialogueHandler(PlanningDependencies dependencies) : base(dependencies)
    {
        runs = new RunHandler(Shared);
    }

    public Task<List<Proposal>> Proposals(SettlementYear year) =>
        db.Proposals.AsNoTracking().Where(p => p.Year == year).OrderByDescending(p => p.Id).ToListAsync();

    /// <summary>One municipality's line of a package: the new number of persons, and of EM when it changes (null = unchanged).</summary>
    public sealed record ProposedLine(string Kommunenummer, int Persons, int? Em);

    /// <summary>A package as shown: its lines (one per municipality) share status, reason, author and answer.</summary>
    /// <param name="Id">The package's key (its first line's id): what forms post back.</param>
    /// <param name="Number">The package's own running number in its year (<see cref="ProposalPackageRules.RunningNumbers"/>): what people read.</param>
    public sealed record Package(int Id, int Number, IReadOnlyList<Proposal> Lines)
    {
        public Proposal First => Lines[0];
        public ProposalStatus Status => First.Status;
        public int Before => Lines.Sum(l => l.FromPersons);
        public int After => Lines.Sum(l => l.ProposedPersons);
    }

    /// <summary>The year's packages, newest first; a county reviewer gets only its own county's.</summary>
    public async Task<List<Package>> Packages(Actor actor, SettlementYear year)
    {
        var proposals = await Proposals(year);
        // Numbered over the whole year before the county's filter, so a county and IMDi read the same number.
        var numbers = ProposalPackageRules.RunningNumbers(proposals.Select(p => p.Package));
        return proposals
            .Where(p => reference.Find(p.Kommunenummer) is { } m && Access.CanSeeMunicipality(actor, m))
            .GroupBy(p => p.Package)
            .Select(g => new Package(g.Key, numbers[g.Key], g.OrderBy(p => p.Kommunenummer).ToList()))
            .OrderByDescending(p => p.Id)
            .ToList();
    }

    /// <summary>A proposal line with its package's running number in the year.</summary>
    public sealed record NumberedProposal(Proposal Line, int Number);

    /// <summary>One municipality's proposal lines of the year, newest first, each with its package's running number.</summary>
    public async Task<List<NumberedProposal>> MunicipalityProposals(SettlementYear year, MunicipalityNumber kommunenummer)
    {
        var proposals = await Proposals(year);
        var numbers = ProposalPackageRules.RunningNumbers(proposals.Select(p => p.Package));
        return proposals.Where(p => p.Kommunenummer == kommunenummer).Select(p => new NumberedProposal(p, numbers[p.Package])).ToList();
    }

    /// <summary>A package's running number in its year (see <see cref="Package.Number"/>).</summary>
    private async Task<int> PackageNumber(SettlementYear year, int packageKey) =>
        ProposalPackageRules.RunningNumbers(await db.Proposals.AsNoTracking().Where(p => p.Year == year).Select(p => p.PackageId ?? p.Id).ToListAsync())
            .GetValueOrDefault(packageKey, packageKey);

    /// <summary>Proposals are taken while the year is on consultation, until the end of the deadline day (Norwegian date).</summary>
    public bool ConsultationOpen(PlanningYear year) => PlanningYearRules.ConsultationOpen(year.Status, year.ConsultationDeadline, Today);

    /// <summary>A single municipality's proposal: a package of one line.</summary>
    public async Task<Result<Proposal>> Propose(Actor actor, SettlementYear year, MunicipalityNumber kommunenummer, int persons, string reason) =>
        (await ProposePackage(actor, year, [new ProposedLine(kommunenummer.Value, persons, null)], reason, null)).Map(lines => lines[0]);

    /// <summary>A county proposes new numbers for several of its municipalities at once; all lines are stored or none.</summary>
    /// <param name="publicJustification">The county's suggestion for the public text; IMDi writes or approves it when accepting.</param>
    public async Task<Result<List<Proposal>>> ProposePackage(Actor actor, SettlementYear year, IReadOnlyList<ProposedLine> lines, string reason, string? publicJustification)
    {
        if (ProposalPackageRules.CheckNotEmpty(lines.Count) is { } empty)
        {
            return Say(actor, empty);
        }
        foreach (var line in lines)
        {
            var municipality = reference.Find(line.Kommunenummer);
            if (municipality is null)
            {
                return MunicipalityNotFound(actor, line.Kommunenummer);
            }
            if (!Access.CanPropose(actor, municipality))
            {
                return DialogueErrors.CannotPropose(actor, municipality);
            }
        }
        // Every line names a municipality from here on.
        MunicipalityNumber Number(ProposedLine line) => reference.Find(line.Kommunenummer)!.Number;
        if (ProposalPackageRules.CheckNoDuplicates(lines.Select(Number)) is { } twice)
        {
            return Say(actor, twice);
        }
        var planningYear = await Year(year);
        if (planningYear is null)
        {
            return YearNotFound(actor, year.Value);
        }
        if (PlanningYearRules.CheckTakesProposals(year, planningYear.Status, planningYear.ConsultationDeadline, Today) is { } closed)
        {
            return Say(actor, closed);
        }
        var run = await db.Runs.Where(r => r.Year == year).OrderByDescending(r => r.Id).Select(r => new { r.Id, r.Persons, r.Em }).FirstOrDefaultAsync();
        if (run is null)
        {
            return DialogueErrors.NoRunToComment(actor, year);
        }
        var codes = lines.Select(Number).ToList();
        var current = await db.RunLines.Where(l => l.RunId == run.Id && codes.Contains(l.Kommunenummer)).ToDictionaryAsync(l => l.Kommunenummer, l => (l.Requested, l.RequestedEm));
        foreach (var line in lines)
        {
            var (fromPersons, fromEm) = current.GetValueOrDefault(Number(line));
            var figures = new ProposedFigures(reference.Find(line.Kommunenummer)!.Name, line.Persons, line.Em, fromPersons, fromEm);
            if (ProposalPackageRules.CheckLine(figures, run.Persons, run.Em) is { } wrong)
            {
                return Say(actor, wrong);
            }
        }
        if (ProposalPackageRules.CheckReason(reason) is { } noReason)
        {
            return Say(actor, noReason);
        }
        if (ReasonTooLong(actor, "proposal.reason", reason) is { } tooLong)
        {
            return tooLong;
        }
        if (TooLong(actor, "proposal.public", publicJustification, FieldLimits.Reason, "den offentlige begrunnelsen", "den offentlege grunngjevinga") is { } publicTooLong)
        {
            return publicTooLong;
        }
        // The package's lines in one transaction (under the execution strategy, ADR 0011): all stored or none.
        return await db.InTransaction(async () =>
        {
            var stored = new List<Proposal>();
            foreach (var line in lines)
            {
                var (fromPersons, fromEm) = current.GetValueOrDefault(Number(line));
                var proposal = new Proposal
                {
                    Year = year, RunId = run.Id, Kommunenummer = Number(line), FromPersons = fromPersons, ProposedPersons = line.Persons,
                    FromEm = line.Em is null ? null : fromEm, ProposedEm = line.Em, Reason = reason.Trim(),
                    PublicJustification = string.IsNullOrWhiteSpace(publicJustification) ? null : publicJustification.Trim(),
                    By = actor.Name, ByUserId = actor.Identity, ByRole = actor.Role!.Value, At = Now, Status = ProposalStatus.Open, Version = 1,
                    PackageId = stored.FirstOrDefault()?.Id,
                };
                db.Proposals.Add(proposal);
                Audit(actor, AuditActions.ProposalCreate, year, Number(line), new { from = fromPersons, to = line.Persons, fromEm = proposal.FromEm, toEm = line.Em, package = proposal.PackageId }, reason);
                var saved = await Save(actor, proposal);
                if (!saved.IsSuccess)
                {
                    return Result<List<Proposal>>.Fail(saved.Errors);
                }
                if (stored.Count == 0)
                {
                    proposal.PackageId = proposal.Id;
                    await db.SaveChangesAsync();
                }
                stored.Add(proposal);
            }
            return (Result<List<Proposal>>)stored;
        }, r => r.IsSuccess);
    }

    /// <summary>The package's lines, tracked, or an error naming it.</summary>
    private async Task<Result<List<Proposal>>> PackageLines(Actor actor, int packageId)
    {
        var lines = await db.Proposals.Where(p => p.PackageId == packageId || (p.PackageId == null && p.Id == packageId)).ToListAsync();
        return lines.Count == 0
            ? DialogueErrors.NotFound(actor, packageId)
            : lines;
    }

    /// <summary>The author withdraws an open package.</summary>
    public async Task<Result<Proposal>> WithdrawProposal(Actor actor, int packageId, int expectedVersion)
    {
        var found = await PackageLines(actor, packageId);
        if (!found.IsSuccess)
        {
            return Result<Proposal>.Fail(found.Errors);
        }
        var lines = found.Value;
        var number = await PackageNumber(lines[0].Year, lines[0].Package);
        if (lines[0].ByUserId is { } author ? author != actor.Identity : lines[0].By != actor.Name)
        {
            return DialogueErrors.OnlyAuthorWithdraws(actor, number);
        }
        if (lines.Any(l => l.Status != ProposalStatus.Open || l.Version != expectedVersion))
        {
            return DialogueErrors.AlreadyHandled(actor, number, lines[0].Status);
        }
        // After the deadline IMDi works on the proposals it has; a withdrawal then would pull one from under its answer.
        if (await Year(lines[0].Year) is { } planningYear && !ConsultationOpen(planningYear))
        {
            return DialogueErrors.PastDeadline(actor, number, planningYear.ConsultationDeadline);
        }
        foreach (var line in lines)
        {
            line.Status = ProposalStatus.Withdrawn;
            line.DecidedBy = actor.Name;
            line.DecidedAt = Now;
            line.Version++;
            Audit(actor, AuditActions.ProposalWithdraw, line.Year, line.Kommunenummer, new { package = packageId, line.Id }, null);
        }
        return await Save(actor, lines[0]);
    }

    /// <summary>A municipality's number before and after, in the newest run and with the package accepted.</summary>
    public sealed record EffectLine(string Kommunenummer, string Name, string County, int Before, int After, int BeforeEm, int AfterEm, bool InPackage);

    /// <summary>What accepting a package does nationally: the package's lines, every other municipality the re-solve moves, per county.</summary>
    public sealed record PackageEffect(int RunId, int NationalBefore, int NationalAfter, IReadOnlyList<EffectLine> Lines, IReadOnlyList<EffectLine> Others,
        IReadOnlyList<(string County, int Before, int After)> Counties)
    {
        public int OthersMoved => Others.Sum(o => Math.Abs(o.After - o.Before));
    }

    /// <summary>Re-solves with the package counted as accepted (exactly as accepting would), and compares with the newest run; nothing is stored.</summary>
    public async Task<Result<PackageEffect>> PreviewPackage(Actor actor, int packageId)
    {
        if (!Access.CanPlan(actor))
        {
            return DialogueErrors.OnlyPlannersPreview(actor);
        }
        var found = await PackageLines(actor, packageId);
        if (!found.IsSuccess)
        {
            return Result<PackageEffect>.Fail(found.Errors);
        }
        var lines = found.Value;
        var year = lines[0].Year;
        var newest = await db.Runs.AsNoTracking().Where(r => r.Year == year).OrderByDescending(r => r.Id).FirstOrDefaultAsync();
        if (newest is null)
        {
            return DialogueErrors.NoRun(actor, year);
        }
        var asAccepted = lines.Select(l => new Proposal
        {
            Id = l.Id, Year = l.Year, RunId = l.RunId, Kommunenummer = l.Kommunenummer, ProposedPersons = l.ProposedPersons, ProposedEm = l.ProposedEm,
            PublicJustification = l.PublicJustification, Status = ProposalStatus.Accepted,
        }).ToList();
        var computed = await runs.Compute(year, asker: actor, also: asAccepted);
        if (!computed.IsSuccess)
        {
            return Result<PackageEffect>.Fail(computed.Errors);
        }
        var before = await db.RunLines.AsNoTracking().Where(l => l.RunId == newest.Id)
            .ToDictionaryAsync(l => l.Kommunenummer, l => (l.Requested, l.RequestedEm));
        var inPackage = lines.Select(l => l.Kommunenummer).ToHashSet();
        var effect = computed.Value.Run.Result.Municipalities.Select(m =>
        {
            var (persons, em) = before.GetValueOrDefault(m.Municipality.Number);
            return new EffectLine(m.Municipality.Number.Value, m.Municipality.Name, m.Municipality.CountyName, persons, m.Requested, em, m.RequestedEm, inPackage.Contains(m.Municipality.Number));
        }).ToList();
        var counties = effect.GroupBy(e => e.County).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Sum(e => e.Before), g.Sum(e => e.After))).Where(c => c.Item2 != c.Item3).ToList();
        return new PackageEffect(newest.Id, effect.Sum(e => e.Before), effect.Sum(e => e.After),
            effect.Where(e => e.InPackage).ToList(),
            effect.Where(e => !e.InPackage && (e.Before != e.After || e.BeforeEm != e.AfterEm)).OrderByDescending(e => Math.Abs(e.After - e.Before)).ThenBy(e => e.Kommunenummer, StringComparer.Ordinal).ToList(),
            counties);
    }

    public sealed record ProposalDecision(Proposal Proposal, AllocationRun? NewRun);

    /// <summary>
    /// Answers a whole package. Accepting fixes its numbers with the public justification IMDi approved, and re-solves
    /// the rest at once; if the re-solve fails, nothing is stored.
    /// </summary>
    public async Task<Result<ProposalDecision>> DecideProposal(Actor actor, int proposalId, bool accept, string? note, int expectedVersion, string? publicJustification = null)
    {
        if (!Access.CanPlan(actor))
        {
            return DialogueErrors.OnlyPlannersAnswer(actor);
        }
        if (TooLong(actor, "proposal.note", note, FieldLimits.Note, "merknaden", "merknaden") is { } tooLong)
        {
            return tooLong;
        }
        if (TooLong(actor, "proposal.public", publicJustification, FieldLimits.Reason, "den offentlige begrunnelsen", "den offentlege grunngjevinga") is { } publicTooLong)
        {
            return publicTooLong;
        }
        if (accept && string.IsNullOrWhiteSpace(publicJustification))
        {
            return DialogueErrors.NoPublicJustification(actor);
        }
        // The answer, its audit entries, the messages and (when accepted) the re-solved run in one transaction: if the
        // re-solve fails, nothing is stored.
        return await db.InTransaction(() => StoreProposalDecision(actor, proposalId, accept, note, expectedVersion, publicJustification), r => r.IsSuccess);
    }

    private async Task<Result<ProposalDecision>> StoreProposalDecision(Actor actor, int proposalId, bool accept, string? note, int expectedVersion, string? publicJustification)
    {
        var found = await PackageLines(actor, proposalId);
        if (!found.IsSuccess)
        {
            return Result<ProposalDecision>.Fail(found.Errors);
        }
        var lines = found.Value;
        var number = await PackageNumber(lines[0].Year, lines[0].Package);
        if (lines.Any(l => l.Version != expectedVersion || l.Status != ProposalStatus.Open))
        {
            return DialogueErrors.AnsweredByOther(actor, lines[0], number);
        }
        foreach (var proposal in lines)
        {
            proposal.Status = accept ? ProposalStatus.Accepted : ProposalStatus.Rejected;
            proposal.DecidedBy = actor.Name;
            proposal.DecidedAt = Now;
            proposal.DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
            if (accept)
            {
                proposal.PublicJustification = publicJustification!.Trim();
            }
            proposal.Version++;
            Audit(actor, accept ? AuditActions.ProposalAccept : AuditActions.ProposalReject, proposal.Year, proposal.Kommunenummer,
                new { proposal.Id, package = proposal.Package, proposal.FromPersons, proposal.ProposedPersons, proposal.FromEm, proposal.ProposedEm, publicJustification = accept ? proposal.PublicJustification : null }, note);
            // In the decision's transaction: a re-solve that fails rolls the message back with it.
            await notifications.ProposalDecided(db, proposal);
        }
        var saved = await Save(actor, lines[0]);
        if (!saved.IsSuccess)
        {
            return Result<ProposalDecision>.Fail(saved.Errors);
        }
        AllocationRun? newRun = null;
        if (accept)
        {
            // No municipality and no number in the label: run lists are read by every county (Access.RunLabel).
            var label = Inv($"Etter forslag #{number}");
            var run = await runs.RunAllocation(actor, lines[0].Year, label);
            if (!run.IsSuccess)
            {
                return Result<ProposalDecision>.Fail(run.Errors);
            }
            newRun = run.Value;
        }
        return new ProposalDecision(lines[0], newRun);
    }

    public Task<List<Comment>> Comments(SettlementYear year, MunicipalityNumber? kommunenummer)
    {
        var comments = db.Comments.AsNoTracking().Where(c => c.Year == year);
        if (kommunenummer is { } number)
        {
            comments = comments.Where(c => c.Kommunenummer == number);
        }
        return comments.OrderByDescending(c => c.Id).ToListAsync();
    }

    public async Task<Result<Comment>> AddComment(Actor actor, SettlementYear year, MunicipalityNumber kommunenummer, string text)
    {
        var municipality = reference.Find(kommunenummer);
        if (municipality is null)
        {
            return MunicipalityNotFound(actor, kommunenummer.Value);
        }
        if (!Access.CanComment(actor, municipality))
        {
            return DialogueErrors.CannotComment(actor, kommunenummer, municipality.Name);
        }
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > FieldLimits.Comment)
        {
            return DialogueErrors.CommentLength(actor);
        }
        if (!await db.Years.AnyAsync(y => y.Year == year))
        {
            return YearNotFound(actor, year.Value);
        }
        var comment = new Comment { Year = year, Kommunenummer = kommunenummer, Text = text.Trim(), By = actor.Name, ByRole = actor.Role!.Value, At = Now };
        db.Comments.Add(comment);
        Audit(actor, AuditActions.CommentAdd, year, kommunenummer, new { length = comment.Text.Length }, null);
        return await Save(actor, comment);
    }
}
