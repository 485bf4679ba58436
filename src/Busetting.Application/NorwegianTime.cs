namespace Busetting.Application;

/// <summary>Times are stored in UTC and shown in Norwegian local time (Europe/Oslo, from the system's time-zone data).</summary>
public static class NorwegianTime
{
    public static TimeZoneInfo Oslo { get; } = Find();

    public static DateTime FromUtc(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Oslo);

    private static TimeZoneInfo Find()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
