using Busetting.Letters;

namespace Busetting.Planning;

/// <summary>
/// Sending a year's letters, for every adapter (the letters page, the CLI): the actor's rights decide
/// (<see cref="Access.LetterActor"/>), each sent letter tells the municipality's case workers by e-mail.
/// </summary>
public sealed class LetterDelivery(LetterService letters, Notifications notifications)
{
    /// <summary>Sends the newest unsent letter of each municipality through <paramref name="channel"/>; returns how many.</summary>
    public async Task<Result<int>> Send(Actor actor, SettlementYear year, LetterKind kind, ILetterChannel channel, CancellationToken cancellationToken = default)
    {
        var sent = await letters.Send(Access.LetterActor(actor), year, kind, channel, cancellationToken, sent: notifications.LetterSent);
        return sent.IsSuccess ? sent : Result<int>.Fail(sent.Errors.Select(e => PlanningErrorTexts.Say(e, actor.Language)).ToList());
    }

    /// <summary>Whether letters of <paramref name="kind"/> may be sent now (asked before the page shows what would be sent).</summary>
    public async Task<Error?> CheckSend(Actor actor, SettlementYear year, LetterKind kind) =>
        await letters.CheckSend(year, kind) is { } refused ? PlanningErrorTexts.Say(refused, actor.Language) : null;
}
