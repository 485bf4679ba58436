namespace Busetting.TestKit;

/// <summary>A run of the command line in process, with what it wrote.</summary>
public static class Captured
{
    /// <summary>Runs <paramref name="run"/> with fresh writers for standard output and error; returns its exit code and both texts.</summary>
    public static (int Code, string Out, string Err) Run(Func<TextWriter, TextWriter, int> run)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = run(output, error);
        return (code, output.ToString(), error.ToString());
    }
}
