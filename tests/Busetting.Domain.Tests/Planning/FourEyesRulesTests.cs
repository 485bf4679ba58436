namespace Busetting.Domain.Tests.Planning;

public class FourEyesRulesTests
{
    private static readonly UserId Kari = new("kari"), Ola = new("ola");

    [Fact]
    public void CheckConfirmer_SamePerson_Forbidden()
    {
        var error = FourEyesRules.CheckConfirmer(Kari, Kari, YearStatus.Published);
        Assert.Equal(ErrorKind.Forbidden, error!.Kind);
        Assert.Equal(YearStatus.Published, error.Values["to"]);
        Assert.Null(FourEyesRules.CheckConfirmer(Kari, Ola, YearStatus.Published));
    }

    [Fact]
    public void CheckRequestable_OnlyApprovalAndPublication()
    {
        Assert.Null(FourEyesRules.CheckRequestable(YearStatus.Approved));
        Assert.Null(FourEyesRules.CheckRequestable(YearStatus.Published));
        Assert.Equal("step.to", FourEyesRules.CheckRequestable(YearStatus.Consultation)!.Code);
    }

    [Fact]
    public void CheckDirectStep_FourEyesOn_ApprovalAndPublicationRefused()
    {
        Assert.Equal("year.four-eyes", FourEyesRules.CheckDirectStep(true, YearStatus.Approved)!.Code);
        Assert.Null(FourEyesRules.CheckDirectStep(true, YearStatus.Consultation));
        Assert.Null(FourEyesRules.CheckDirectStep(false, YearStatus.Published));
    }

    [Fact]
    public void CheckStillOpen_ClosedOrOtherVersion_Conflict()
    {
        Assert.Null(FourEyesRules.CheckStillOpen(true, 1, 1, null));
        Assert.Equal("step.version", FourEyesRules.CheckStillOpen(false, 2, 2, "Ola")!.Code);
        Assert.Equal("", FourEyesRules.CheckStillOpen(true, 2, 1, null)!.Values["closedBy"]);
    }

    [Fact]
    public void CheckNotStale_YearChangedGoneOrNewerRun_Refused()
    {
        Assert.Null(FourEyesRules.CheckNotStale(3, 3, YearStatus.Approved, 7, 7, "Kari"));
        Assert.Equal("step.stale", FourEyesRules.CheckNotStale(4, 3, YearStatus.Approved, 7, 7, "Kari")!.Code); // year moved on
        Assert.NotNull(FourEyesRules.CheckNotStale(null, 3, YearStatus.Published, 7, 7, "Kari")); // year gone
        Assert.NotNull(FourEyesRules.CheckNotStale(3, 3, YearStatus.Approved, 8, 7, "Kari")); // a newer run than the one asked about
        Assert.Null(FourEyesRules.CheckNotStale(3, 3, YearStatus.Published, 8, 7, "Kari")); // publication publishes the approved run, not the newest
    }

    /// <summary>One attempted step: who asks, who confirms.</summary>
    private sealed record Attempt(YearStatus To, int Requester, int Confirmer);

    /// <summary>
    /// Walks random sequences of steps through the rules the services apply (the workflow's arrows, four eyes on) and
    /// checks that the year is published only from an approval and a publication each confirmed by a second person.
    /// </summary>
    [Fact]
    public void RandomSteps_NeverPublishedWithoutApprovalAndASecondPerson() =>
        Gen.Select(Gen.Enum<YearStatus>(), Gen.Int[0, 2], Gen.Int[0, 2]).Select((to, r, c) => new Attempt(to, r, c)).Array[0, 40].Sample(attempts =>
        {
            var status = YearStatus.Draft;
            var approvedBySecondPerson = false;
            foreach (var a in attempts)
            {
                if (PlanningYearRules.CheckStep(status, a.To) is not null)
                {
                    continue;
                }
                var secondPerson = a.Requester != a.Confirmer;
                if (FourEyesRules.CheckDirectStep(true, a.To) is not null)
                {
                    // Not taken directly: asked for by one, confirmed by another.
                    if (FourEyesRules.CheckRequestable(a.To) is not null || FourEyesRules.CheckConfirmer(new UserId($"u{a.Requester}"), new UserId($"u{a.Confirmer}"), a.To) is not null)
                    {
                        continue;
                    }
                }
                else
                {
                    secondPerson = false;
                }
                if (a.To == YearStatus.Published && !(status == YearStatus.Approved && approvedBySecondPerson && secondPerson))
                {
                    return false;
                }
                approvedBySecondPerson = a.To == YearStatus.Approved ? secondPerson : a.To == YearStatus.Published && approvedBySecondPerson;
                status = a.To;
            }
            return true;
        });
}
