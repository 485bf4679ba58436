using Busetting.Domain.Allocation;

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

    /// <summary>The public justification in both written standards as posted (either may be empty until IMDi accepts).</summary>
    public sealed record Justification(string? Nb, string? Nn)
    {
        public static readonly Justification None = new(null, null);
    }

    /// <summary>A county proposes new numbers for several of its municipalities at once; all lines are stored or none.</summary>
    /// <param name="publicJustification">The county's suggestion for the public text (Bokmål); IMDi writes or approves it in both forms when accepting.</param>
    /// <param name="publicJustificationNn">The same suggestion in Nynorsk.</param>
    public async Task<Result<List<Proposal>>> ProposePackage(Actor actor, SettlementYear year, IReadOnlyList<ProposedLine> lines, string reason, string? publicJustification,
        string? publicJustificationNn = null)
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
        if (JustificationTooLong(actor, new Justification(publicJustification, publicJustificationNn)) is { } publicTooLong)
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
                    PublicJustification = Trimmed(publicJustification), PublicJustificationNn = Trimmed(publicJustificationNn),
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
            PublicJustification = l.PublicJustification, PublicJustificationNn = l.PublicJustificationNn, ByRole = l.ByRole, Status = ProposalStatus.Accepted,
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
    /// Answers a whole package. Accepting fixes its numbers with the public justification IMDi approved — in Bokmål and
    /// Nynorsk, both required, since it is printed to municipalities of either form and never in the other — and
    /// re-solves the rest at once; if the re-solve fails, nothing is stored.
    /// </summary>
    public async Task<Result<ProposalDecision>> DecideProposal(Actor actor, int proposalId, bool accept, string? note, int expectedVersion, Justification? publicJustification = null)
    {
        var justification = publicJustification ?? Justification.None;
        if (!Access.CanPlan(actor))
        {
            return DialogueErrors.OnlyPlannersAnswer(actor);
        }
        if (TooLong(actor, "proposal.note", note, FieldLimits.Note, "merknaden", "merknaden") is { } tooLong)
        {
            return tooLong;
        }
        if (JustificationTooLong(actor, justification) is { } publicTooLong)
        {
            return publicTooLong;
        }
        if (accept && JustificationMissing(actor, justification) is { Count: > 0 } missing)
        {
            return Result<ProposalDecision>.Fail(missing);
        }
        // The answer, its audit entries, the messages and (when accepted) the re-solved run in one transaction: if the
        // re-solve fails, nothing is stored.
        return await db.InTransaction(() => StoreProposalDecision(actor, proposalId, accept, note, expectedVersion, justification), r => r.IsSuccess);
    }

    /// <summary>Each form that is missing, named (Bokmål first).</summary>
    private static List<Error> JustificationMissing(Actor actor, Justification justification) =>
    [
        .. string.IsNullOrWhiteSpace(justification.Nb) ? [DialogueErrors.NoPublicJustification(actor, WrittenStandard.Nb)] : Array.Empty<Error>(),
        .. string.IsNullOrWhiteSpace(justification.Nn) ? [DialogueErrors.NoPublicJustification(actor, WrittenStandard.Nn)] : Array.Empty<Error>(),
    ];

    private static Error? JustificationTooLong(Actor actor, Justification justification) =>
        TooLong(actor, DialogueErrors.PublicCode, justification.Nb, FieldLimits.Reason, "den offentlige begrunnelsen på bokmål", "den offentlege grunngjevinga på bokmål")
        ?? TooLong(actor, DialogueErrors.PublicNnCode, justification.Nn, FieldLimits.Reason, "den offentlige begrunnelsen på nynorsk", "den offentlege grunngjevinga på nynorsk");

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private async Task<Result<ProposalDecision>> StoreProposalDecision(Actor actor, int proposalId, bool accept, string? note, int expectedVersion, Justification justification)
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
                proposal.PublicJustification = Trimmed(justification.Nb);
                proposal.PublicJustificationNn = Trimmed(justification.Nn);
            }
            proposal.Version++;
            Audit(actor, accept ? AuditActions.ProposalAccept : AuditActions.ProposalReject, proposal.Year, proposal.Kommunenummer,
                new { proposal.Id, package = proposal.Package, proposal.FromPersons, proposal.ProposedPersons, proposal.FromEm, proposal.ProposedEm,
                    publicJustification = accept ? proposal.PublicJustification : null, publicJustificationNn = accept ? proposal.PublicJustificationNn : null }, note);
            // In the decision's transaction: a re-solve that fails rolls the message back with it.
            await notifications.ProposalDecided(db, proposal);
        }
        if (accept)
        {
            // The wording it is accepted with is the first of its history (corrections after acceptance add to it).
            db.JustificationVersions.Add(new JustificationVersion
            {
                Year = lines[0].Year, PackageId = lines[0].Package, Number = 1, Nb = lines[0].PublicJustification!, Nn = lines[0].PublicJustificationNn, By = actor.Name, At = Now,
            });
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

    /// <summary>
    /// Corrects an accepted package's public justification (a wrong word, a wording in one form that said more than the
    /// other): both forms again, the earlier wording kept as a version and the change audited with the old and the new
    /// text. Pages and letters made after it read the new wording; letters already made keep theirs.
    /// </summary>
    public async Task<Result<JustificationVersion>> CorrectJustification(Actor actor, int packageId, Justification justification, string? reason, int expectedVersion)
    {
        if (!Access.CanPlan(actor))
        {
            return DialogueErrors.OnlyPlannersCorrect(actor);
        }
        if ((JustificationTooLong(actor, justification) ?? TooLong(actor, "proposal.correction", reason, FieldLimits.Note, "grunnen til rettingen", "grunnen til rettinga")) is { } tooLong)
        {
            return tooLong;
        }
        if (JustificationMissing(actor, justification) is { Count: > 0 } missing)
        {
            return Result<JustificationVersion>.Fail(missing);
        }
        return await db.InTransaction(async () =>
        {
            var found = await PackageLines(actor, packageId);
            if (!found.IsSuccess)
            {
                return Result<JustificationVersion>.Fail(found.Errors);
            }
            var lines = found.Value;
            var first = lines[0];
            var number = await PackageNumber(first.Year, first.Package);
            if (first.Status != ProposalStatus.Accepted)
            {
                return DialogueErrors.NotAccepted(actor, number);
            }
            if (lines.Any(l => l.Version != expectedVersion))
            {
                return DialogueErrors.AnsweredByOther(actor, first, number);
            }
            var (nb, nn) = (Trimmed(justification.Nb)!, Trimmed(justification.Nn)!);
            if (nb == first.PublicJustification && nn == first.PublicJustificationNn)
            {
                return DialogueErrors.JustificationUnchanged(actor, number);
            }
            var versions = await db.JustificationVersions.Where(v => v.PackageId == first.Package).OrderBy(v => v.Number).ToListAsync();
            if (versions.Count == 0)
            {
                // Accepted before wordings were versioned: its accepted wording becomes the first version.
                var accepted = new JustificationVersion
                {
                    Year = first.Year, PackageId = first.Package, Number = 1, Nb = first.PublicJustification ?? "", Nn = first.PublicJustificationNn,
                    By = first.DecidedBy ?? first.By, At = first.DecidedAt ?? first.At,
                };
                db.JustificationVersions.Add(accepted);
                versions.Add(accepted);
            }
            var corrected = new JustificationVersion
            {
                Year = first.Year, PackageId = first.Package, Number = versions[^1].Number + 1, Nb = nb, Nn = nn, Reason = Trimmed(reason), By = actor.Name, At = Now,
            };
            db.JustificationVersions.Add(corrected);
            foreach (var line in lines)
            {
                Audit(actor, AuditActions.ProposalJustification, line.Year, line.Kommunenummer,
                    new { line.Id, package = line.Package, version = corrected.Number, from = new { nb = line.PublicJustification, nn = line.PublicJustificationNn }, to = new { nb, nn } }, reason);
                line.PublicJustification = nb;
                line.PublicJustificationNn = nn;
                line.Version++;
            }
            var saved = await Save(actor, lines[0]);
            return saved.IsSuccess ? corrected : Result<JustificationVersion>.Fail(saved.Errors);
        }, r => r.IsSuccess);
    }

    /// <summary>The wordings of a package's public justification, newest first (empty until it is accepted).</summary>
    public Task<List<JustificationVersion>> JustificationHistory(int packageId) =>
        db.JustificationVersions.AsNoTracking().Where(v => v.PackageId == packageId).OrderByDescending(v => v.Number).ToListAsync();

    /// <summary>
    /// The public justification of the agreement a run fixed for a municipality, in its newest wording (a correction
    /// after acceptance reaches the pages and the letters made after it), and who agreed; null when the run fixed none.
    /// </summary>
    public async Task<AgreedJustification?> AgreedJustification(AllocationRun run, MunicipalityNumber kommunenummer)
    {
        var agreed = StoredRun.Agreed(run).FirstOrDefault(a => a.Kommunenummer == kommunenummer.Value && a.Treatment != AgreementTreatment.Drop);
        if (agreed is null)
        {
            return null;
        }
        var current = agreed.ProposalId == 0 ? null
            : await db.Proposals.AsNoTracking().Where(p => p.Id == agreed.ProposalId).Select(p => new { p.PublicJustification, p.PublicJustificationNn }).FirstOrDefaultAsync();
        var text = current is null ? agreed.Justification : FreeText.Stored(current.PublicJustification, current.PublicJustificationNn);
        return new AgreedJustification(agreed.With, text);
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

/// <summary>An agreement's public justification in the forms it has, and who agreed (<see cref="AgreementParty"/>; null in older runs).</summary>
public sealed record AgreedJustification(string? With, FreeText Text)
{
    /// <summary>"Endret etter dialog med fylket", in the reader's written standard.</summary>
    public string Heading(WrittenStandard language) => language == WrittenStandard.Nn
        ? $"Endra etter dialog med {AgreementParty.Name(With)}"
        : $"Endret etter dialog med {AgreementParty.Name(With)}";
}
