using Busetting.Application;
using Busetting.Domain.Criteria;

namespace Busetting.Letters;

/// <summary>A criterion as the letter lists it.</summary>
public sealed record LetterCriterion(string Id, string NameNb, string NameNn, int PriorityGroup, decimal Weight);

/// <summary>Which letter this is: its kind, written standard ("nb"/"nn"), planning year and reference (2025/4640-O1).</summary>
public sealed record LetterIdentity(LetterKind Kind, string Language, int Year, string Reference)
{
    public WrittenStandard Standard => WrittenStandards.NynorskOrBokmal(Language);
}

/// <summary>The municipality the letter is addressed to, with its county.</summary>
public sealed record LetterRecipient(string Kommunenummer, string OfficialName, string County);

/// <summary>The letter's date and the council's decision deadline (none: the letter says "the deadline IMDi sets").</summary>
public sealed record LetterDates(DateOnly Date, DateOnly? Deadline);

/// <summary>The numbers the letter states: the request (with its EM part), next year's planning number and the national need.</summary>
public sealed record LetterNumbers(int Requested, int RequestedEm, int PlanNextYear, int NeedPersons, int NeedEm);

/// <summary>The numbers of the municipality's last letter, for "before / now" in adjusted letters and postponements.</summary>
public sealed record LetterPrevious(int? Requested, int? RequestedEm, int? NeedPersons);

/// <summary>The texts the letter carries besides its template: the contact line, the reason (adjusted letters, postponements) and the signer.</summary>
public sealed record LetterTexts(string Contact, string? Reason = null, string? SignerName = null, string? SignerTitle = null);

/// <summary>The numbers and facts one letter is made of, in named groups so no two numbers can be swapped by position.</summary>
/// <param name="Ministry">The ministry that set the year's criteria (per-year data in the criteria set); null: "Departementet".</param>
/// <param name="Justification">The public justification of an agreed number, already in the letter's written standard; null
/// when there is none or it is not written in that form (the rule line then says who agreed, and no free text is printed).</param>
public sealed record LetterInput(
    LetterIdentity Identity,
    LetterRecipient Recipient,
    LetterDates Dates,
    LetterNumbers Numbers,
    LetterTexts Texts,
    IReadOnlyList<LetterCriterion> Criteria,
    StoredExplanation? Explanation,
    LetterPrevious? Previous = null,
    Ministry? Ministry = null,
    string? Justification = null);
