namespace Busetting.Domain.Allocation;

/// <summary>The EM part of an earlier agreement as a revision sees it.</summary>
/// <param name="Em">The EM agreed within the agreement's persons.</param>
/// <param name="EmNeedWhenAgreed">The national EM need of the run the agreement was made against (0 = not known).</param>
/// <param name="Treatment">The treatment the planner chose for the agreement (its persons and its EM alike).</param>
/// <param name="PersonsAfter">The persons the agreement fixes after its treatment (null when dropped).</param>
public sealed record AgreedEmPart(int Em, int EmNeedWhenAgreed, AgreementTreatment Treatment, int? PersonsAfter);

/// <summary>An agreement's EM part after a revision: the EM it now fixes (null when dropped) and whether it stayed as
/// agreed while the national EM need changed (the planner is warned).</summary>
public sealed record RevisedEm(int? Em, bool FixedWhileNeedChanged);

/// <summary>How a revision treats the EM part of earlier agreements (docs/model.md, "Revisions").</summary>
public static class EmAgreementRevision
{
    /// <summary>
    /// The EM part of an agreement follows the treatment of the agreement: scaled, the agreements' EM keep their share
    /// of the EM need — the exact shares agreed × new EM need ÷ EM need when agreed are rounded together by largest
    /// remainder, so the scaled EM add up to their exact sum rounded (halves away from zero, as one agreement's persons);
    /// kept, the agreed EM stay; dropped, nothing is fixed. An agreement's EM are never more than the persons it fixes.
    /// </summary>
    public static IReadOnlyList<RevisedEm> Apply(IReadOnlyList<AgreedEmPart> parts, int newEmNeed)
    {
        var scaled = Enumerable.Range(0, parts.Count).Where(i => Scalable(parts[i], newEmNeed)).ToList();
        var quotas = scaled.Select(i => (decimal)parts[i].Em * newEmNeed / parts[i].EmNeedWhenAgreed).ToList();
        var total = (int)Math.Round(quotas.Sum(), MidpointRounding.AwayFromZero);
        var apportioned = Apportion.LargestRemainder(quotas.Select(q => (double)q).ToList(), total);
        var scaledEm = scaled.Select((index, k) => (index, k)).ToDictionary(x => x.index, x => apportioned[x.k]);
        return parts.Select((part, i) => part.PersonsAfter is not { } persons ? new RevisedEm(null, false)
            : scaledEm.TryGetValue(i, out var em) ? new RevisedEm(Math.Min(em, persons), false)
            : new RevisedEm(Math.Min(part.Em, persons), FixedWhileNeedChanged(part, newEmNeed))).ToList();
    }

    /// <summary>An agreement's EM stay as agreed (kept, or its EM need when agreed not known) while the national EM need is another.</summary>
    public static bool FixedWhileNeedChanged(AgreedEmPart part, int newEmNeed) =>
        part is { PersonsAfter: not null, Em: > 0 } && part.EmNeedWhenAgreed != newEmNeed && !Scalable(part, newEmNeed);

    /// <summary>Only a scaled agreement with EM, agreed under a known EM need other than the new one, changes by scaling.</summary>
    private static bool Scalable(AgreedEmPart part, int newEmNeed) =>
        part is { Treatment: AgreementTreatment.Scale, PersonsAfter: not null, Em: > 0, EmNeedWhenAgreed: > 0 } && part.EmNeedWhenAgreed != newEmNeed;
}
