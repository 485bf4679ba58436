namespace Busetting.Domain.Tests.Planning;

public class PlanningYearRulesTests
{
    private static readonly DateOnly Today = new(2025, 6, 10);
    private static readonly SettlementYear Y2025 = SettlementYear.Create(2025);

    [Theory]
    [InlineData(YearStatus.Draft, new[] { YearStatus.Consultation })]
    [InlineData(YearStatus.Consultation, new[] { YearStatus.Draft, YearStatus.Approved })]
    [InlineData(YearStatus.Approved, new[] { YearStatus.Consultation, YearStatus.Published })]
    [InlineData(YearStatus.Published, new[] { YearStatus.Revised })]
    [InlineData(YearStatus.Revised, new[] { YearStatus.Consultation })]
    public void Next_EachStatus_TheWorkflowsArrows(YearStatus from, YearStatus[] expected) =>
        Assert.Equal(expected, PlanningYearRules.Next(from));

    [Fact]
    public void CheckStep_DraftToPublished_RefusedNamingBothStatuses()
    {
        var error = PlanningYearRules.CheckStep(YearStatus.Draft, YearStatus.Published);
        Assert.NotNull(error);
        Assert.Equal("year.status", error.Code);
        Assert.Equal(YearStatus.Draft, error.Values["from"]);
        Assert.Equal(YearStatus.Published, error.Values["to"]);
        Assert.Null(PlanningYearRules.CheckStep(YearStatus.Approved, YearStatus.Published));
    }

    [Fact]
    public void CheckStep_AnyPair_RefusedExactlyWhenNotAllowed() =>
        Gen.Select(Gen.Enum<YearStatus>(), Gen.Enum<YearStatus>()).Sample((from, to) =>
            (PlanningYearRules.CheckStep(from, to) is null) == PlanningYearRules.Allowed(from, to) && PlanningYearRules.Next(from).Contains(to) == PlanningYearRules.Allowed(from, to));

    [Fact]
    public void CheckConsultation_NoRunNoDeadlinePastDeadline_EachRefusedInThatOrder()
    {
        Assert.True(PlanningYearRules.CheckConsultation(false, null, Today)!.Values.ContainsKey("runs"));
        Assert.Equal("year.consultationDeadline", PlanningYearRules.CheckConsultation(true, null, Today)!.Code);
        Assert.True(PlanningYearRules.CheckConsultation(true, null, Today)!.Values.ContainsKey("required"));
        Assert.Equal(Today, PlanningYearRules.CheckConsultation(true, Today.AddDays(-1), Today)!.Values["today"]);
        Assert.Null(PlanningYearRules.CheckConsultation(true, Today, Today)); // the deadline day itself is still open
    }

    [Theory]
    [InlineData(false, false, false)] // not published yet
    [InlineData(true, false, true)]
    [InlineData(true, true, false)] // locked
    [InlineData(false, true, false)]
    public void AcceptsDecisions_PublishedAndNotLocked_Only(bool published, bool locked, bool accepts)
    {
        Assert.Equal(accepts, PlanningYearRules.AcceptsDecisions(published, locked));
        var error = PlanningYearRules.CheckAcceptsDecisions(Y2025, published, locked);
        Assert.Equal(accepts, error is null);
        Assert.True(error is null || (error.Code == "decision.closed" && (bool)error.Values["locked"] == locked && (int)error.Values["year"] == 2025));
    }

    [Fact]
    public void ConsultationOpen_UntilTheEndOfTheDeadlineDay()
    {
        Assert.True(PlanningYearRules.ConsultationOpen(YearStatus.Consultation, Today, Today));
        Assert.False(PlanningYearRules.ConsultationOpen(YearStatus.Consultation, Today.AddDays(-1), Today));
        Assert.True(PlanningYearRules.ConsultationOpen(YearStatus.Consultation, null, Today));
        Assert.False(PlanningYearRules.ConsultationOpen(YearStatus.Approved, null, Today));
    }

    [Fact]
    public void CheckTakesProposals_NotOnConsultationOrAfterDeadline_Refused()
    {
        Assert.Equal("proposal.status", PlanningYearRules.CheckTakesProposals(Y2025, YearStatus.Draft, null, Today)!.Code);
        var late = PlanningYearRules.CheckTakesProposals(Y2025, YearStatus.Consultation, Today.AddDays(-1), Today);
        Assert.Equal("proposal.deadline", late!.Code);
        Assert.Equal(Today.AddDays(-1), late.Values["deadline"]);
        Assert.Null(PlanningYearRules.CheckTakesProposals(Y2025, YearStatus.Consultation, Today, Today));
    }

    [Theory]
    [InlineData(YearStatus.Draft, false, false)]
    [InlineData(YearStatus.Published, true, false)]
    [InlineData(YearStatus.Revised, true, true)]
    [InlineData(YearStatus.Consultation, true, true)]
    [InlineData(YearStatus.Consultation, false, false)] // first consultation: nothing published to revise
    public void BeingRevised_PublishedOnceAndNotPublishedNow(YearStatus status, bool published, bool revising) =>
        Assert.Equal(revising, PlanningYearRules.BeingRevised(status, published));

    [Theory]
    [InlineData(null, null, false)]  // no run at all
    [InlineData(5, null, true)]      // before a first publication any run will do
    [InlineData(5, 5, false)]        // revised: the published run is not a revision run
    [InlineData(7, 5, true)]         // a run made after publication
    public void HasRunToConsult_AfterPublicationOnlyANewerRun(int? newest, int? published, bool expected) =>
        Assert.Equal(expected, PlanningYearRules.HasRunToConsult(newest, published));

    [Fact]
    public void CheckConsultation_RevisionWithoutRevisionRun_SaysRevision()
    {
        var error = PlanningYearRules.CheckConsultation(false, Today.AddDays(7), Today, revision: true);
        Assert.Equal("year.status", error!.Code);
        Assert.Equal(true, error.Values["revision"]);
        Assert.Equal(false, PlanningYearRules.CheckConsultation(false, Today.AddDays(7), Today)!.Values["revision"]);
    }

    [Theory]
    [InlineData(YearStatus.Approved, YearStatus.Consultation, 0, true)]    // the deadline day itself: proposals still come
    [InlineData(YearStatus.Approved, YearStatus.Consultation, 5, true)]
    [InlineData(YearStatus.Approved, YearStatus.Consultation, -1, false)]  // the deadline has passed
    [InlineData(YearStatus.Published, YearStatus.Approved, 5, false)]      // only approval warns
    public void ApprovalBeforeDeadline_WarnsWhileConsultationIsOpen(YearStatus to, YearStatus from, int daysLeft, bool warns)
    {
        var deadline = Today.AddDays(daysLeft);
        Assert.Equal(warns ? deadline : null, PlanningYearRules.ApprovalBeforeDeadline(to, from, deadline, Today));
        Assert.Null(PlanningYearRules.ApprovalBeforeDeadline(to, from, null, Today));
    }
}
