using System.Text.RegularExpressions;
using Busetting.Domain.Municipalities;
using Busetting.Letters;

namespace Busetting.Planning;

/// <summary>
/// Every authorisation decision in one place. Pages and endpoints carry role attributes as a first gate; every service
/// call checks these rules again with the municipality in hand, so a hidden button is never the only protection.
/// </summary>
public static partial class Access
{
    public static bool IsImdi(Actor a) => a.Role is Role.Planner or Role.Admin;

    public static bool CanPlan(Actor a) => a.Role == Role.Planner;

    public static bool CanAdminister(Actor a) => a.Role == Role.Admin;

    /// <summary>Four eyes: any IMDi person (planner or administrator) other than the requester confirms approval and publication.</summary>
    public static bool CanConfirmStep(Actor a) => IsImdi(a);

    /// <summary>Sees national unpublished numbers, runs and the dashboard (county reviewers see only their county's rows).</summary>
    public static bool CanSeePlanning(Actor a) => a.Role is Role.Planner or Role.Admin or Role.Ks or Role.County;

    public static bool CanSeeAudit(Actor a) => IsImdi(a);

    /// <summary>May see this municipality's unpublished request, explanation, proposals and decisions.</summary>
    public static bool CanSeeMunicipality(Actor a, Municipality m) => a.Role switch
    {
        Role.Planner or Role.Admin or Role.Ks => true,
        Role.County => a.Fylkesnummer == m.County,
        Role.Municipality => a.Kommunenummer == m.Number,
        _ => false,
    };

    /// <summary>County reviewers propose for their own municipalities; KS comments but does not propose.</summary>
    public static bool CanPropose(Actor a, Municipality m) => a.Role == Role.County && a.Fylkesnummer == m.County;

    public static bool CanComment(Actor a, Municipality m) => a.Role switch
    {
        Role.Ks or Role.Planner => true,
        Role.County => a.Fylkesnummer == m.County,
        _ => false,
    };

    public static bool CanProduceLetters(Actor a) => a.Role == Role.Planner;

    /// <summary>What the letters engine may do for this actor: make and send letters, edit templates.</summary>
    public static LetterActor LetterActor(Actor a) => new(a.Name, CanProduceLetters(a), CanAdminister(a), a.Role?.Name() ?? "");

    /// <summary>IMDi sees every letter; reviewers those of municipalities they see; a case worker its own, once sent.</summary>
    public static bool CanSeeLetter(Actor a, Municipality m, bool sent) =>
        IsImdi(a) || (CanSeeMunicipality(a, m) && (sent || a.Role is Role.County or Role.Ks));

    /// <summary>
    /// A run's label as this reader may see it. Labels made on acceptance once carried the municipality and its agreed
    /// number ("Etter forslag #6 (0301: 1100)"); a reader who does not see every municipality gets such a label without
    /// the part in brackets. New labels carry neither (<see cref="DialogueHandler"/> writes "Etter forslag #6").
    /// </summary>
    public static string? RunLabel(Actor a, string? label) =>
        label is null || a.Role is Role.Planner or Role.Admin or Role.Ks ? label
        : AcceptedLabel().Match(label) is { Success: true } m ? m.Groups[1].Value
        : label;

    [GeneratedRegex(@"^(Etter forslag #\d+) \(.*\)$")]
    private static partial Regex AcceptedLabel();

    /// <summary>Whether every municipality number in a free text (a solver note, a difference) is one this reader sees.</summary>
    public static bool CanSeeText(Actor a, string text, Func<string, Municipality?> find) =>
        MunicipalityNumberInText().Matches(text).All(m => find(m.Value) is not { } municipality || CanSeeMunicipality(a, municipality));

    [GeneratedRegex(@"(?<!\d)\d{4}(?!\d)")]
    private static partial Regex MunicipalityNumberInText();

    /// <summary>Only the municipality's own case worker registers its council decision.</summary>
    public static bool CanRegisterDecision(Actor a, Municipality m) => a.Role == Role.Municipality && a.Kommunenummer == m.Number;
}
