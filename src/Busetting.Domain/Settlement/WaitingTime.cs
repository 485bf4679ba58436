namespace Busetting.Domain.Settlement;

/// <summary>
/// Waiting is counted in days from the permit to the settlement date. EM and families with children are to be settled
/// within 3 months (90 days), others within 6 (180 days); more than 6 months makes a long-waiter.
/// </summary>
public static class WaitingTime
{
    public const int ThreeMonths = 90;
    public const int SixMonths = 180;

    public static int TargetDays(WaitingGroup group) => group == WaitingGroup.Others ? SixMonths : ThreeMonths;

    /// <summary>Days from the permit to <paramref name="until"/> (the settlement date, or today for a case still waiting).</summary>
    public static int Days(DateOnly permit, DateOnly until) => until.DayNumber - permit.DayNumber;

    public static bool WithinTarget(WaitingGroup group, DateOnly permit, DateOnly settled) => Days(permit, settled) <= TargetDays(group);

    public static bool IsLongWaiter(DateOnly permit, DateOnly today) => Days(permit, today) > SixMonths;
}
