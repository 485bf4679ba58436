namespace Busetting.Domain.Planning;

/// <summary>The seven steps of a planning year as the planner sees them, in order (the year page's stepper).</summary>
public enum YearStep
{
    Need,
    Allocation,
    Consultation,
    Approval,
    Letters,
    Publication,
    Decisions,
}

/// <summary>Where a step stands: behind the year, the one to do now, or still ahead.</summary>
public enum YearStepState
{
    Done,
    Current,
    Ahead,
}

/// <summary>What is known about a year that places it on the stepper.</summary>
/// <param name="Status">The year's status.</param>
/// <param name="NeedSet">A national need has been entered.</param>
/// <param name="NewestRunId">The newest allocation run, if any.</param>
/// <param name="PublishedRunId">The run published last, if any (after it, only a newer run counts for a revision).</param>
/// <param name="LettersMade">Letters exist for the approved run.</param>
/// <param name="DecisionsLocked">IMDi has locked the municipalities' decisions.</param>
public sealed record YearFacts(YearStatus Status, bool NeedSet, int? NewestRunId, int? PublishedRunId, bool LettersMade, bool DecisionsLocked);

/// <summary>Places a planning year on its seven steps (Behov → Fordeling → Høring → Godkjenning → Brev → Publisering → Vedtak).</summary>
public static class YearProgress
{
    /// <summary>Every step with its state; the current step is the first one not done (none when all are done).</summary>
    public static IReadOnlyList<(YearStep Step, YearStepState State)> Steps(YearFacts facts)
    {
        var current = Current(facts);
        return Enum.GetValues<YearStep>()
            .Select(step => (step, Done(step, facts) && step != current ? YearStepState.Done
                : step == current ? YearStepState.Current : YearStepState.Ahead))
            .ToList();
    }

    /// <summary>The step to do now: the first step not done; null once the decisions are locked and all is done.</summary>
    public static YearStep? Current(YearFacts facts) =>
        Enum.GetValues<YearStep>().Cast<YearStep?>().FirstOrDefault(step => !Done(step!.Value, facts));

    /// <summary>
    /// A step is done when its fact holds for the year's current round: after a revision starts (Revidert), only a run
    /// newer than the published one counts, and consultation, approval, letters and publication are to be done again.
    /// </summary>
    public static bool Done(YearStep step, YearFacts facts)
    {
        var approvedOrPublished = facts.Status is YearStatus.Approved or YearStatus.Published;
        return step switch
        {
            YearStep.Need => facts.NeedSet,
            YearStep.Allocation => facts.Status == YearStatus.Revised
                ? PlanningYearRules.HasRunToConsult(facts.NewestRunId, facts.PublishedRunId)
                : facts.NewestRunId is not null,
            YearStep.Consultation => approvedOrPublished,
            YearStep.Approval => approvedOrPublished,
            YearStep.Letters => approvedOrPublished && facts.LettersMade,
            YearStep.Publication => facts.Status == YearStatus.Published,
            YearStep.Decisions => facts.Status == YearStatus.Published && facts.DecisionsLocked,
        };
    }
}
