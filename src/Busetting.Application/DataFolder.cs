namespace Busetting.Application;

/// <summary>Finds the shipped data/ folder: --data, else $BUSETTING_DATA, else the nearest data/ above the working directory or the program.</summary>
public static class DataFolder
{
    private const string Marker = "kommuner_2024.csv";

    public static string Resolve(string? given)
    {
        if (!string.IsNullOrWhiteSpace(given))
        {
            return Path.GetFullPath(given);
        }
        if (Environment.GetEnvironmentVariable("BUSETTING_DATA") is { Length: > 0 } fromEnvironment)
        {
            return Path.GetFullPath(fromEnvironment);
        }
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "data");
                if (File.Exists(Path.Combine(candidate, Marker)))
                {
                    return candidate;
                }
            }
        }
        return Path.GetFullPath("data");
    }
}
