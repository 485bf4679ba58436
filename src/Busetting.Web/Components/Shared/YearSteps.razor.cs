using Microsoft.AspNetCore.Components;

namespace Busetting.Web.Components.Shared;

public partial class YearSteps
{
    [Parameter, EditorRequired] public SettlementYear Year { get; set; }
    [Parameter, EditorRequired] public required PlanningYear PlanningYear { get; set; }
    [Parameter, EditorRequired] public bool HasRun { get; set; }
    [Parameter] public int? NewestRunId { get; set; }

    /// <summary>The year's open four-eyes request and its summary, loaded by the page (so this renders at once).</summary>
    [Parameter] public StepRequest? Request { get; set; }
    [Parameter] public YearHandler.StepSummary? RequestSummary { get; set; }
    [SupplyParameterFromForm(FormName = "status")] public StatusFields? StatusForm { get; set; }
    [SupplyParameterFromForm(FormName = "steg")] public StepFields? StepForm { get; set; }
    [SupplyParameterFromForm(FormName = "hoyringsfrist")] public DeadlineFields? DeadlineForm { get; set; }

    public sealed class StatusFields
    {
        public YearStatus To { get; set; }
        public string? Reason { get; set; }
        public int Version { get; set; }
        public bool Confirm { get; set; }
        public string? ConsultationDeadline { get; set; }
    }

    /// <summary>The pressed button says "confirm:12" or "close:12".</summary>
    public sealed class StepFields { public string? Action { get; set; } public int Version { get; set; } public bool Confirm { get; set; } }

    public sealed class DeadlineFields { public string? Deadline { get; set; } public int Version { get; set; } }

    [Inject] public required TimeProvider Clock { get; set; }

    private StepRequest? _request;
    private StepRequest? _requestToConfirm;
    private bool _own, _stale;
    private YearStatus? _confirming;
    private YearHandler.StepSummary? _summary;
    private List<YearStatus> _steps = [];
    private IReadOnlyList<Error> _errors = [];

    /// <summary>A run to send on consultation: after a publication only a revision run (newer than the published one).</summary>
    private bool HasRunToConsult => HasRun && YearWorkflow.HasRunToConsult(PlanningYear, NewestRunId);

    private string DefaultDeadline => DateOnly.FromDateTime(NorwegianTime.FromUtc(Clock.GetUtcNow().UtcDateTime)).AddDays(21)
        .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    protected override void OnParametersSet()
    {
        _request = Request;
        if (_request is { } r)
        {
            _own = r.RequestedByUserId == Me.Identity;
            _stale = r.YearVersion != PlanningYear.Version || (r.To == YearStatus.Approved && r.RunId != NewestRunId);
            _summary ??= RequestSummary;
        }
        // Offer only the steps that make sense now: consultation needs a run; with four eyes, approval and
        // publication are asked for once, and not again while a request is open.
        _steps = YearWorkflow.Next(PlanningYear.Status)
            .Where(to => to != YearStatus.Consultation || HasRunToConsult)
            .Where(to => !(Years.FourEyes && _request is not null && to is YearStatus.Approved or YearStatus.Published))
            .ToList();
    }

    private string StepLabel(YearStatus to) => to switch
    {
        YearStatus.Consultation => PlanningYear.Status == YearStatus.Approved ? T("Åpne høringen igjen", "Opne høyringa igjen") : T("Send på høring", "Send på høyring"),
        YearStatus.Draft => T("Tilbake til utkast"),
        YearStatus.Approved => Years.FourEyes ? T("Be om godkjenning av siste fordeling") : T("Godkjenn siste fordeling"),
        YearStatus.Published => Years.FourEyes ? T("Be om publisering") : T("Publiser"),
        YearStatus.Revised => T("Start revisjon"),
    };

    private string ConfirmHeading(YearStatus to) => to switch
    {
        YearStatus.Consultation => T("Sende fordelingen på høring?", "Sende fordelinga på høyring?"),
        YearStatus.Draft => T("Stenge høringen og gå tilbake til utkast?", "Stengje høyringa og gå tilbake til utkast?"),
        YearStatus.Approved => T("Godkjenne fordelingen?", "Godkjenne fordelinga?"),
        YearStatus.Published => T("Publisere tallene?", "Publisere tala?"),
        YearStatus.Revised => T("Starte en revisjon?", "Starte ein revisjon?"),
    };

    private string ConfirmButton(YearStatus to) => (to, Years.FourEyes && _requestToConfirm is null) switch
    {
        (YearStatus.Approved, true) => T("Ja, be om godkjenning"),
        (YearStatus.Published, true) => T("Ja, be om publisering"),
        (YearStatus.Approved, _) => T("Ja, godkjenn"),
        (YearStatus.Published, _) => T("Ja, publiser nå", "Ja, publiser no"),
        (YearStatus.Consultation, _) => T("Ja, send på høring", "Ja, send på høyring"),
        (YearStatus.Draft, _) => T("Ja, tilbake til utkast"),
        (YearStatus.Revised, _) => T("Ja, start revisjon"),
    };

    private async Task ChangeStatus()
    {
        var f = StatusForm ?? new StatusFields();
        if (!Access.CanPlan(Me))
        {
            _errors = Refused([Error.Forbidden(T("Bare IMDis planleggere flytter et planår mellom stegene.", "Berre planleggjarane i IMDi flyttar eit planår mellom stega."))]);
            return;
        }
        if (!f.Confirm)
        {
            // First post: show what the step does, and ask again.
            _confirming = f.To;
            _summary = await Years.Summary(Year, f.To);
            return;
        }
        var errors = new List<Error>();
        DateOnly? deadline = string.IsNullOrWhiteSpace(f.ConsultationDeadline) ? null
            : Parse.Date(f.ConsultationDeadline, "consultationDeadline", T("Høringsfrist", "Høyringsfrist"), Lang, errors);
        if (errors.Count > 0)
        {
            _errors = Refused(errors);
        }
        else if (Years.FourEyes && f.To is YearStatus.Approved or YearStatus.Published)
        {
            var requested = await Years.RequestStep(Me, Year, f.To, f.Version, f.Reason);
            _errors = Submit(requested, $"/planlegging/{Year}?lagra=forespurnad");
        }
        else
        {
            var result = await Years.ChangeStatus(Me, Year, f.To, f.Version, f.Reason, consultationDeadline: deadline);
            _errors = Submit(result, $"/planlegging/{Year}?lagra=1");
        }
        await Retry(f.To);
    }

    /// <summary>After a refusal: the confirmation again, with what must be corrected (the typed reason and deadline kept).</summary>
    private async Task Retry(YearStatus to)
    {
        if (_errors.Count > 0 && _errors.All(e => e.Kind == ErrorKind.InvalidInput))
        {
            _confirming = to;
            _summary = await Years.Summary(Year, to);
        }
    }

    private async Task Answer()
    {
        var f = StepForm ?? new StepFields();
        var parts = (f.Action ?? "").Split(':');
        if (parts.Length != 2 || parts[0] is not ("confirm" or "close") || !int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            _errors = Refused([Error.Invalid("action", T("Ukjent handling", "Ukjend handling"))]);
            return;
        }
        if (parts[0] == "confirm" && !f.Confirm)
        {
            if (_request?.Id == id && !_own && Access.CanConfirmStep(Me))
            {
                _requestToConfirm = _request;
                _confirming = _request.To;
                _summary = await Years.Summary(Year, _request.To);
                return;
            }
        }
        var result = parts[0] == "confirm"
            ? (await Years.ConfirmStep(Me, id, f.Version)).Errors
            : (await Years.CloseStep(Me, id, f.Version)).Errors;
        _errors = Submit(result, $"/planlegging/{Year}?lagra=1");
    }

    private async Task MoveDeadline()
    {
        var f = DeadlineForm ?? new DeadlineFields();
        var errors = new List<Error>();
        var deadline = string.IsNullOrWhiteSpace(f.Deadline) ? null : Parse.Date(f.Deadline, "consultationDeadline", T("Høringsfrist", "Høyringsfrist"), Lang, errors);
        Result<PlanningYear> result = errors.Count > 0 ? Result<PlanningYear>.Fail(errors)
            : await Years.SetConsultationDeadline(Me, Year, deadline, f.Version);
        _errors = Submit(result, $"/planlegging/{Year}?lagra=hoyringsfrist");
    }
}
