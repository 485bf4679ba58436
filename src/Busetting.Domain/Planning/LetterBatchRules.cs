using System.Globalization;
using Busetting.Domain.Errors;
using Busetting.Domain.Primitives;

namespace Busetting.Domain.Planning;

/// <summary>What must hold before a batch of letters is made (checked by the letters page before queueing, and by the batch itself).</summary>
public static class LetterBatchRules
{
    /// <summary>
    /// Adjusted letters ask the council to decide again, so they need a new decision deadline, and no deadline may lie
    /// in the past (Norwegian date).
    /// </summary>
    public static Error? CheckDeadline(LetterKind kind, DateOnly? deadline, DateOnly today)
    {
        if (kind == LetterKind.Adjusted && deadline is null)
        {
            return Error.Invalid("letters.deadline", "new decision deadline: required for adjusted letters (the date the councils must have decided again by)") with
            {
                Values = new Dictionary<string, object> { ["required"] = true },
            };
        }
        return deadline is { } d && d < today
            ? Error.Invalid("letters.deadline", string.Create(CultureInfo.InvariantCulture, $"new decision deadline: {d:yyyy-MM-dd} lies in the past; choose {today:yyyy-MM-dd} or later")) with
            {
                Values = new Dictionary<string, object> { ["deadline"] = d, ["today"] = today },
            }
            : null;
    }

    /// <summary>
    /// A request letter names the date the council must have decided by: the year's decision deadline must be set, and it
    /// may not lie before the letter's date (a letter must never say "by the deadline IMDi set" without a date).
    /// </summary>
    public static Error? CheckRequestDeadline(LetterKind kind, DateOnly? yearDeadline, DateOnly letterDate)
    {
        if (kind != LetterKind.Request)
        {
            return null;
        }
        if (yearDeadline is not { } d)
        {
            return Error.Invalid("letters.year-deadline", "the year has no decision deadline: set it on the year page before request letters are made") with
            {
                Values = new Dictionary<string, object> { ["required"] = true },
            };
        }
        return d < letterDate
            ? Error.Invalid("letters.year-deadline", string.Create(CultureInfo.InvariantCulture, $"the decision deadline {d:yyyy-MM-dd} lies before the letter date {letterDate:yyyy-MM-dd}; set a later one on the year page")) with
            {
                Values = new Dictionary<string, object> { ["deadline"] = d, ["letterDate"] = letterDate },
            }
            : null;
    }

    /// <summary>
    /// Requests and adjusted letters are made only for an approved (or published) year with a run; adjusted letters and
    /// postponements say why, in at most <paramref name="maxReason"/> characters; adjusted letters follow a revision.
    /// The deadline (<see cref="CheckDeadline"/>) is checked between the reason and the revision.
    /// </summary>
    public static Error? CheckBatch(SettlementYear year, LetterKind kind, YearStatus status, bool hasRun, int revision, string? reason, int maxReason,
        DateOnly? deadline, DateOnly today)
    {
        var approved = status is YearStatus.Approved or YearStatus.Published;
        if (kind != LetterKind.Postponement && (!approved || !hasRun))
        {
            return Error.Invalid("letters.year", $"{year} is not approved (status: {status}): letters are made for approved years only") with
            {
                Values = new Dictionary<string, object> { ["year"] = year.Value, ["status"] = status },
            };
        }
        if (kind != LetterKind.Request && string.IsNullOrWhiteSpace(reason))
        {
            return Error.Invalid("letters.reason", "adjusted letters and postponements need a reason (why the need changed, or why the adjustment is held back)") with
            {
                Values = new Dictionary<string, object> { ["required"] = true },
            };
        }
        if (reason?.Trim().Length > maxReason)
        {
            return Error.Invalid("letters.reason", $"the reason may have at most {maxReason} characters") with
            {
                Values = new Dictionary<string, object> { ["max"] = maxReason },
            };
        }
        if (CheckDeadline(kind, deadline, today) is { } late)
        {
            return late;
        }
        return kind == LetterKind.Adjusted && revision == 0
            ? Error.Invalid("letters.revision", $"{year} is not revised: adjusted letters follow a revision (a new allocation approved)") with
            {
                Values = new Dictionary<string, object> { ["year"] = year.Value },
            }
            : null;
    }

    /// <summary>
    /// The reason an adjusted letter or a postponement prints is free text, and each letter is in its municipality's
    /// written standard: the reason is given in Nynorsk too (the Bokmål form is <see cref="CheckBatch"/>'s), in at most
    /// <paramref name="maxReason"/> characters, so no letter prints it in the other form.
    /// </summary>
    public static Error? CheckReasonNn(LetterKind kind, string? reasonNn, int maxReason)
    {
        if (kind != LetterKind.Request && string.IsNullOrWhiteSpace(reasonNn))
        {
            return Error.Invalid("letters.reason-nn", "adjusted letters and postponements need the reason in Nynorsk too (letters to Nynorsk municipalities print it)") with
            {
                Values = new Dictionary<string, object> { ["required"] = true },
            };
        }
        return reasonNn?.Trim().Length > maxReason
            ? Error.Invalid("letters.reason-nn", $"the Nynorsk reason may have at most {maxReason} characters") with
            {
                Values = new Dictionary<string, object> { ["max"] = maxReason },
            }
            : null;
    }

    /// <summary>
    /// Letters go out once the numbers they state are public: request and adjusted letters only while the year (or its
    /// revision) is published; a postponement, which holds an adjustment back, once the year has been published at least
    /// once. There must be letters of the kind to send.
    /// </summary>
    public static Error? CheckSend(SettlementYear year, LetterKind kind, YearStatus status, bool everPublished, int letters)
    {
        if (letters == 0)
        {
            return Error.Invalid("letters.none", $"there are no {kind} letters for {year}; make them first") with
            {
                Values = new Dictionary<string, object> { ["year"] = year.Value, ["kind"] = kind },
            };
        }
        var published = kind == LetterKind.Postponement ? everPublished : status == YearStatus.Published;
        return published ? null
            : Error.Invalid("letters.unpublished", $"{year} is {status}: {kind} letters are sent after publication") with
            {
                Values = new Dictionary<string, object> { ["year"] = year.Value, ["kind"] = kind, ["status"] = status },
            };
    }

    /// <summary>Adjusted letters and postponements follow request letters: some municipality must have had one.</summary>
    public static Error? CheckPreviousLetters(SettlementYear year, LetterKind kind, int previousLetters) =>
        kind == LetterKind.Request || previousLetters > 0 ? null
            : Error.Invalid("letters.none-sent", $"no municipality has had a request letter for {year} yet; make those first") with
            {
                Values = new Dictionary<string, object> { ["year"] = year.Value },
            };
}
