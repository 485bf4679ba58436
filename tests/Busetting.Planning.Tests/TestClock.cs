namespace Busetting.Planning.Tests;

/// <summary>A clock the test moves: starts at the real time (letters, deadlines and decision dates are checked against
/// "today"), and only moves when told.</summary>
public sealed class TestClock : TimeProvider
{
    private DateTimeOffset _now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => _now;

    public DateOnly Today => DateOnly.FromDateTime(_now.UtcDateTime);

    public void Advance(TimeSpan by) => _now += by;
}
