namespace Busetting.TestKit;

/// <summary>The shipped data folder, and scratch folders that are copies of it.</summary>
public static class TestData
{
    public static string Folder { get; } = Find();

    public static string Scratch(string text, string name = "input.csv")
    {
        var dir = Directory.CreateTempSubdirectory("busetting-test-").FullName;
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "data", "kommuner_2024.csv")))
            {
                return Path.Combine(dir.FullName, "data");
            }
        }
        throw new InvalidOperationException("shipped data/ not found above the test binaries");
    }
}
