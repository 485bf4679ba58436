using System.Globalization;
using Busetting.Domain.Municipalities;

namespace Busetting.Planning;

/// <summary>
/// Every e-mail the system sends, one method per event. Each method only adds <see cref="OutboxMessage"/> rows to the
/// caller's context: they are stored by the caller's SaveChanges, in the caller's transaction, so a change that is
/// rolled back sends nothing and a committed one is never lost. <see cref="NotificationSender"/> sends them later.
/// Each recipient gets the message in their own written standard (<see cref="AppUser.Language"/>; a case worker
/// without a choice gets the municipality's official form; everyone else Bokmål).
/// </summary>
public sealed partial class Notifications(ReferenceStore reference, TimeProvider clock, IConfiguration config)
{
    /// <summary>The application's public address for links in the messages (Notifications:BaseUrl); none when not set.</summary>
    private string? BaseUrl => config["Notifications:BaseUrl"]?.TrimEnd('/') is { Length: > 0 } url ? url : null;

    /// <summary>The year went on consultation: every county and KS reviewer is asked to look at the numbers.</summary>
    public async Task ConsultationOpened(BusettingDb db, SettlementYear year)
    {
        foreach (var user in await UsersInRoles(db, RoleNames.County, RoleNames.Ks))
        {
            var county = user.Fylkesnummer is { } f ? reference.Counties.FirstOrDefault(c => c.Number == f).Name : null;
            var (seeNb, seeNn) = county is null ? ("Se tallene", "Sjå tala") : ($"Se tallene for kommunene i {county}", $"Sjå tala for kommunane i {county}");
            Add(db, user, "consultation", year, null, null,
                (Inv($"Fordelingen for {year} er sendt på høring"), Inv($"Fordelinga for {year} er send på høyring")),
                (Inv($"IMDi har sendt forslaget til fordeling av flyktninger for {year} på høring. {seeNb} og send forslag eller kommentarer i Busetting."),
                 Inv($"IMDi har sendt forslaget til fordeling av flyktningar for {year} på høyring. {seeNn} og send forslag eller kommentarar i Busetting.")),
                Inv($"/planlegging/{year}/forslag"));
        }
    }

    /// <summary>A planner accepted or rejected a proposal: its author is told, with the planner's note.</summary>
    public async Task ProposalDecided(BusettingDb db, Proposal proposal)
    {
        var accepted = proposal.Status == ProposalStatus.Accepted;
        var name = MunicipalityName(proposal.Kommunenummer);
        // The author's account by its id, never by display name (two people may share one: the answer carries IMDi's
        // internal note and unpublished numbers). A proposal stored before the id was kept gets no e-mail, not a guess.
        var author = proposal.ByUserId is { } id ? await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id) : null;
        foreach (var user in Active(author is null ? [] : [author]))
        {
            var note = string.IsNullOrWhiteSpace(proposal.DecisionNote) ? null : proposal.DecisionNote;
            Add(db, user, "proposal", proposal.Year, proposal.Kommunenummer, null,
                (Inv($"Forslaget ditt for {name} ({proposal.Year}) er {(accepted ? "godtatt" : "avvist")}"),
                 Inv($"Forslaget ditt for {name} ({proposal.Year}) er {(accepted ? "godteke" : "avvist")}")),
                (Inv($"IMDi har {(accepted ? "godtatt" : "avvist")} forslaget ditt om å endre tallet for {name} fra {Texts.Number(proposal.FromPersons)} til {Texts.Number(proposal.ProposedPersons)} personer.")
                    + (accepted ? " Tallet er lagt inn som avtalt, og resten av fordelingen er regnet ut på nytt." : "")
                    + (note is null ? "" : "\n\nMerknad fra IMDi: " + note),
                 Inv($"IMDi har {(accepted ? "godteke" : "avvist")} forslaget ditt om å endre talet for {name} frå {Texts.Number(proposal.FromPersons)} til {Texts.Number(proposal.ProposedPersons)} personar.")
                    + (accepted ? " Talet er lagt inn som avtalt, og resten av fordelinga er rekna ut på nytt." : "")
                    + (note is null ? "" : "\n\nMerknad frå IMDi: " + note)),
                Inv($"/planlegging/{proposal.Year}/forslag"));
        }
    }

    /// <summary>A letter was sent to a municipality: its case workers are told where to find it.</summary>
    public async Task LetterSent(BusettingDb db, Letter letter)
    {
        var name = MunicipalityName(letter.Kommunenummer);
        var (nb, nn) = letter.Kind switch
        {
            LetterKind.Adjusted => ("justert anmodning om bosetting", "justert oppmoding om busetjing"),
            LetterKind.Postponement => ("melding om utsatt justering", "melding om utsett justering"),
            _ => ("anmodning om bosetting", "oppmoding om busetjing"),
        };
        // After a revision the case worker's next task goes with the letter: a new decision where the council's is above the adjusted request.
        var task = letter.Kind == LetterKind.Adjusted ? (await NewDecisionTasks.For(db, letter.Year, letter.Kommunenummer)).GetValueOrDefault(letter.Kommunenummer) : null;
        var (taskNb, taskNn) = task is null ? ("", "") : NewDecisionText(task);
        foreach (var user in await CaseWorkers(db, letter.Kommunenummer))
        {
            Add(db, user, "letter", letter.Year, letter.Kommunenummer, null,
                (Inv($"Brev fra IMDi til {name}: {nb} {letter.Year}"), Inv($"Brev frå IMDi til {name}: {nn} {letter.Year}")),
                (Inv($"IMDi har sendt {name} kommune en {nb} for {letter.Year} (referanse {letter.Reference}). Brevet ligger under kommunen deres i Busetting.") + taskNb,
                 Inv($"IMDi har sendt {name} kommune ei {nn} for {letter.Year} (referanse {letter.Reference}). Brevet ligg under kommunen dykkar i Busetting.") + taskNn),
                task is null ? "/min-kommune" : Inv($"/kommune/{letter.Kommunenummer}?aar={letter.Year}#nytt-vedtak"));
        }
    }

    /// <summary>The new-decision paragraph of the adjusted letter's e-mail, in both written standards (the same words as the pages).</summary>
    private static (string Nb, string Nn) NewDecisionText(NewDecisionTask task)
    {
        var deadline = task.Deadline is { } d ? d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) : null;
        return (Inv($"\n\nKommunestyret har vedtatt {Texts.Number(task.Decided)} personer, over den justerte anmodningen på {Texts.Number(task.Requested)}. ")
                + (deadline is null ? "Registrer nytt vedtak i Busetting under «Registrer nytt vedtak»." : Inv($"Registrer nytt vedtak innen {deadline} i Busetting under «Registrer nytt vedtak».")),
            Inv($"\n\nKommunestyret har vedteke {Texts.Number(task.Decided)} personar, over den justerte oppmodinga på {Texts.Number(task.Requested)}. ")
                + (deadline is null ? "Registrer nytt vedtak i Busetting under «Registrer nytt vedtak»." : Inv($"Registrer nytt vedtak innan {deadline} i Busetting under «Registrer nytt vedtak».")));
    }

    /// <summary>A municipality registered (or corrected) its council decision: IMDi's planners are told the numbers.</summary>
    public async Task DecisionRegistered(BusettingDb db, Decision decision, int? requested)
    {
        var name = MunicipalityName(decision.Kommunenummer);
        var corrected = decision.Version > 1;
        var date = decision.DecisionDate.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        var asked = requested is { } r ? $" ({Texts.Number(r)})" : "";
        foreach (var user in await UsersInRoles(db, RoleNames.Planner))
        {
            Add(db, user, "decision", decision.Year, decision.Kommunenummer, null,
                (Inv($"Vedtak {(corrected ? "rettet" : "registrert")}: {name} {decision.Year}"), Inv($"Vedtak {(corrected ? "retta" : "registrert")}: {name} {decision.Year}")),
                (Inv($"{name} kommune har {(corrected ? "rettet" : "registrert")} vedtaket for {decision.Year}: {Texts.Number(decision.Persons)} personer, herav {Texts.Number(decision.Em)} enslige mindreårige, vedtatt {date}. Anmodet{asked}."),
                 Inv($"{name} kommune har {(corrected ? "retta" : "registrert")} vedtaket for {decision.Year}: {Texts.Number(decision.Persons)} personar, av dei {Texts.Number(decision.Em)} einslege mindreårige, vedteke {date}. Oppmoda{asked}.")),
                Inv($"/planlegging/{decision.Year}"));
        }
    }

    /// <summary>The decision deadline is near and the municipality has not answered: its case workers are reminded (once per threshold).</summary>
    public async Task DeadlineReminder(BusettingDb db, SettlementYear year, MunicipalityNumber municipality, DateOnly deadline, int daysLeft, int threshold)
    {
        var kommunenummer = municipality;
        var name = MunicipalityName(kommunenummer);
        var date = deadline.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        var key = Inv($"reminder:{year}:{kommunenummer}:{deadline:yyyy-MM-dd}:{threshold}");
        foreach (var user in await CaseWorkers(db, kommunenummer))
        {
            Add(db, user, "reminder", year, kommunenummer, key + ":" + user.Id,
                (Inv($"Påminnelse: vedtaksfristen for {name} er {date}"), Inv($"Påminning: vedtaksfristen for {name} er {date}")),
                (Inv($"{name} kommune har ikke registrert vedtak om bosetting for {year} ennå. Fristen er {date} ({Days(daysLeft, false)}). Registrer vedtaket i Busetting under «Registrer vedtak»."),
                 Inv($"{name} kommune har ikkje registrert vedtak om busetjing for {year} enno. Fristen er {date} ({Days(daysLeft, true)}). Registrer vedtaket i Busetting under «Registrer vedtak».")),
                "/min-kommune");
        }
    }

    /// <summary>The deadline has passed: IMDi's planners get the list of municipalities that have not answered (once per deadline).</summary>
    public async Task Overdue(BusettingDb db, SettlementYear year, DateOnly deadline, IReadOnlyList<MunicipalityNumber> kommunenummer)
    {
        var date = deadline.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        var list = string.Join("\n", kommunenummer.Select(k => "- " + k + " " + MunicipalityName(k)));
        var key = Inv($"overdue:{year}:{deadline:yyyy-MM-dd}");
        foreach (var user in await UsersInRoles(db, RoleNames.Planner))
        {
            Add(db, user, "overdue", year, null, key + ":" + user.Id,
                (Inv($"Ikke svart etter fristen {date}: {kommunenummer.Count} kommuner ({year})"), Inv($"Ikkje svart etter fristen {date}: {kommunenummer.Count} kommunar ({year})")),
                (Inv($"Disse kommunene har ikke registrert vedtak for {year}, og fristen {date} er passert:\n\n") + list,
                 Inv($"Desse kommunane har ikkje registrert vedtak for {year}, og fristen {date} er passert:\n\n") + list),
                Inv($"/planlegging/{year}/ikkje-svart"));
        }
    }

    private static string Days(int days, bool nn) => days switch
    {
        0 => nn ? "i dag" : "i dag",
        1 => nn ? "i morgon" : "i morgen",
        _ => nn ? Inv($"om {days} dagar") : Inv($"om {days} dager"),
    };

    private void Add(BusettingDb db, AppUser user, string kind, SettlementYear? year, MunicipalityNumber? kommunenummer, string? dedupeKey,
        (string Nb, string Nn) subject, (string Nb, string Nn) body, string path)
    {
        var standard = LanguageOf(user);
        var nn = standard == WrittenStandard.Nn;
        var link = BaseUrl is { } url ? "\n\n" + url + path : "";
        var footer = nn
            ? "\n\n-- \nDenne e-posten er send automatisk frå Busetting (IMDi). Du får han fordi du er brukar i Busetting."
            : "\n\n-- \nDenne e-posten er sendt automatisk fra Busetting (IMDi). Du får den fordi du er bruker i Busetting.";
        var now = clock.GetUtcNow().UtcDateTime;
        db.Outbox.Add(new OutboxMessage
        {
            Kind = kind, To = user.Email!, Language = standard, Subject = nn ? subject.Nn : subject.Nb,
            Body = (nn ? body.Nn : body.Nb) + link + footer, Year = year, Kommunenummer = kommunenummer, DedupeKey = dedupeKey,
            Status = OutboxStatus.Pending, CreatedAt = now, NextAttemptAt = now,
        });
    }

    /// <summary>The recipient's written standard: their own choice, else a case worker's municipality's official form, else Bokmål.</summary>
    public WrittenStandard LanguageOf(AppUser user) => user.Language ?? WrittenStandards.Of(reference.Find(user.Kommunenummer)?.LanguageForm ?? LanguageForm.Neutral);

    private string MunicipalityName(MunicipalityNumber kommunenummer) => reference.Find(kommunenummer)?.Name ?? kommunenummer.Value;

    /// <summary>Active users (not locked) with an e-mail address in any of the roles.</summary>
    private async Task<List<AppUser>> UsersInRoles(BusettingDb db, params string[] roles)
    {
        var users = await (from u in db.Users.AsNoTracking()
                           join ur in db.UserRoles on u.Id equals ur.UserId
                           join r in db.Roles on ur.RoleId equals r.Id
                           where roles.Contains(r.Name!) && u.Email != null
                           orderby u.Email
                           select u).ToListAsync();
        return Active(users).DistinctBy(u => u.Id).ToList();
    }

    /// <summary>Every recipient list passes through here: only accounts with an e-mail address that are not locked.</summary>
    private List<AppUser> Active(IEnumerable<AppUser> users)
    {
        var now = clock.GetUtcNow();
        return users.Where(u => u.Email is not null && (u.LockoutEnd is null || u.LockoutEnd <= now)).ToList();
    }

    private async Task<List<AppUser>> CaseWorkers(BusettingDb db, MunicipalityNumber kommunenummer) =>
        (await UsersInRoles(db, RoleNames.Municipality)).Where(u => u.Kommunenummer == kommunenummer).ToList();

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
