using Busetting.Letters;
using Busetting.Planning.Tables;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace Busetting.Web.Components.Pages;

public partial class LettersPage
{
    private static readonly Dictionary<string, string> ErrorFields = new()
    {
        ["letters.reason"] = "reason", ["letters.reason-nn"] = "reason-nn", ["letters.deadline"] = "deadline", ["letters.year-deadline"] = "kind", ["letters.unpublished"] = "kind", ["letters.none"] = "kind", ["kommunenummer"] = "lang-kommune", ["language"] = "lang-form",
    };

    [SupplyParameterFromQuery(Name = "melding")] public string? Done { get; set; }
    [SupplyParameterFromQuery(Name = "tal")] public string? DoneCount { get; set; }

    /// <summary>The success message for a key the server put in the address; other text in the query is never shown.</summary>
    private string? DoneText => Done switch
    {
        "maalform" => T("Målformen er lagret.", "Målforma er lagra."),
        "kontakt" => T("Kontaktperson og underskriver er lagret; nye brev bruker dem.", "Kontaktperson og underskrivar er lagra; nye brev bruker dei."),
        "sendt" when Parse.QueryInt(DoneCount, out var n) && n is { } sent => T($"{Ui.Number(sent)} brev sendt.", $"{Ui.Number(sent)} brev sende."),
        _ => null,
    };
    [SupplyParameterFromForm(FormName = "lag")] public StartFields? StartForm { get; set; }
    [SupplyParameterFromForm(FormName = "send")] public SendFields? SendForm { get; set; }

    public sealed class StartFields { public string? Kind { get; set; } public string? Reason { get; set; } public string? ReasonNn { get; set; } public string? Deadline { get; set; } }
    public sealed class SendFields { public string? Kind { get; set; } public bool Confirm { get; set; } }

    /// <summary>What sending would do: the kind and the municipalities whose newest letter of that kind is not sent.</summary>
    private sealed record SendPreview(LetterKind Kind, IReadOnlyList<string> Names);

    private SendPreview? _sendPreview;
    public sealed class LanguageFields { public string? Kommunenummer { get; set; } public string? Language { get; set; } }

    [SupplyParameterFromForm(FormName = "maalform")] public LanguageFields? LanguageForm { get; set; }

    public sealed class ContactFields { public string? Name { get; set; } public string? Phone { get; set; } public string? Email { get; set; } public string? Signer { get; set; } public string? Title { get; set; } }

    [SupplyParameterFromForm(FormName = "kontakt")] public ContactFields? ContactForm { get; set; }

    private LetterContact? _contact;
    private string _contactLine = "";

    private async Task SaveContact()
    {
        var f = ContactForm ?? new ContactFields();
        Result<LetterContact> result = PlanYear is { } year
            ? await Letters.SaveContact(Access.LetterActor(Me), year, f.Name, f.Phone, f.Email, f.Signer, f.Title)
            : PlanningHandler.YearNotFound(Me, Year);
        _errors = await Submit(result, $"/planlegging/{Year}/brev?melding=kontakt", async () =>
        {
            await Load();
            // Keep what the planner typed.
            _contact = new LetterContact { ContactName = f.Name, ContactPhone = f.Phone, ContactEmail = f.Email, SignerName = f.Signer, SignerTitle = f.Title };
        });
    }

    private List<MunicipalityLetterLanguage> _overrides = [];

    private async Task SetLanguage()
    {
        var f = LanguageForm ?? new LanguageFields();
        var result = await Letters.SetLanguage(Access.LetterActor(Me), (f.Kommunenummer ?? "").Trim(), string.IsNullOrEmpty(f.Language) ? null : f.Language);
        _errors = await Submit(result, $"/planlegging/{Year}/brev?melding=maalform", Load);
    }

    private PlanningYear? _year;
    private List<LetterJob> _jobs = [];
    private List<Letter> _letters = [];
    private TableData<Tables.LetterRow> _table = new([], []);
    private IReadOnlyList<Error> _errors = [];

    protected override async Task OnInitializedAsync() => await Load();

    private async Task Load()
    {
        if (PlanYear is { } year)
        {
            _year = await Years.Year(year);
            _jobs = await Jobs.Recent(year);
            _letters = await Letters.List(year);
            _contact = (await Letters.Contact(year)).Row;
        }
        _table = Tables.Letters(_letters, Reference, Lang);
        _overrides = await Letters.LanguageOverrides();
        _contactLine = Letters.DefaultContact;
    }


    private string JobStatusText(JobStatus status) => status switch
    {
        JobStatus.Queued => T("I kø"),
        JobStatus.Running => T("Lager brev …", "Lagar brev …"),
        JobStatus.Done => T("Ferdig"),
        JobStatus.Failed => T("Feilet", "Feila"),
    };

    private async Task Start()
    {
        var errors = new List<Error>();
        if (!Enum.TryParse<LetterKind>(StartForm?.Kind, out var kind))
        {
            errors.Add(Error.Invalid("kind", T("Velg en brevtype", "Vel ein brevtype")));
        }
        DateOnly? deadline = string.IsNullOrWhiteSpace(StartForm?.Deadline) ? null
            : Busetting.Web.Services.Parse.Date(StartForm.Deadline, "letters.deadline", T("Ny vedtaksfrist"), Lang, errors);
        if (PlanYear is not { } year)
        {
            _errors = NoSuchYear(Year);
            await Load();
        }
        else if (errors.Count > 0)
        {
            _errors = Refused(errors);
            await Load();
        }
        else
        {
            // Who may start a batch, the reason's length and the deadline are the handler's to check.
            _errors = await Submit(await Jobs.Start(Me, year, kind, StartForm?.Reason, deadline, StartForm?.ReasonNn), job => $"/planlegging/{Year}/brev?jobb={job.Id}", Load);
        }
    }

    private async Task Send()
    {
        if (!Enum.TryParse<LetterKind>(SendForm?.Kind, out var kind))
        {
            _errors = Refused([Error.Invalid("kind", T("Velg en brevtype", "Vel ein brevtype"))]);
            await Load();
            return;
        }
        if (SendForm?.Confirm != true && Access.CanProduceLetters(Me))
        {
            // First post: how many letters to whom; the second post sends. Nothing is offered that would be refused.
            await Load();
            if (PlanYear is { } planYear && await Delivery.CheckSend(Me, planYear, kind) is { } refused)
            {
                _errors = Refused([refused]);
                return;
            }
            var names = _letters.Where(l => l.Kind == kind).GroupBy(l => l.Kommunenummer).Select(g => g.MaxBy(l => l.Version)!)
                .Where(l => l.SentAt is null).OrderBy(l => l.Kommunenummer).Select(l => Reference.Find(l.Kommunenummer)?.Name ?? l.Kommunenummer.Value).ToList();
            if (names.Count == 0)
            {
                _errors = Refused([Error.Invalid("kind", T($"Ingen usendte brev av typen «{Ui.LetterKind(Lang, kind)}».", $"Ingen usende brev av typen «{Ui.LetterKind(Lang, kind)}»."))]);
                return;
            }
            _sendPreview = new SendPreview(kind, names);
            return;
        }
        Result<int> result = PlanYear is { } year
            ? await Delivery.Send(Me, year, kind, Channel)
            : PlanningHandler.YearNotFound(Me, Year);
        _errors = await Submit(result, sent => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/planlegging/{Year}/brev?melding=sendt&tal={sent}"), Load);
    }
}
