using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NSwag.CodeGeneration.CSharp;

namespace Busetting.Web.Tests;

/// <summary>
/// The public OpenAPI document is a contract a client generator can use (issue 16, item 12): NSwag generates a C#
/// client from the served document, Roslyn compiles it in memory, and the client calls the running API.
/// </summary>
public class OpenApiClientTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task GeneratedClient_CallsThePublicApi_ReadsPublishedFiguresAndProblems()
    {
        var client = await GeneratedClient();

        var years = Json(await Call(client, "ListYearsAsync"));
        Assert.Contains(years.EnumerateArray(), y => y.GetProperty("year").GetInt32() == 2022);

        // Oslo's 2022 request and decision as IMDi published them (data/imdi_nokkeltall_bosetting_2022.csv).
        var published = File.ReadLines(Path.Combine(Drill.Root, "data", "imdi_nokkeltall_bosetting_2022.csv"))
            .Select(line => line.Split(',')).First(cells => cells[1] == "0301");
        var oslo = Json(await Call(client, "GetMunicipalityAsync", 2022, "0301"));
        Assert.Equal("0301", oslo.GetProperty("kommunenummer").GetString());
        Assert.Equal(int.Parse(published[5], CultureInfo.InvariantCulture), oslo.GetProperty("requested").GetInt32());
        Assert.Equal(int.Parse(published[6], CultureInfo.InvariantCulture), oslo.GetProperty("decided").GetInt32());

        var year = Json(await Call(client, "GetYearAsync", 2022, "03"));
        Assert.Equal(2022, year.GetProperty("year").GetInt32());
        Assert.Equal(oslo.GetRawText(), Assert.Single(year.GetProperty("municipalities").EnumerateArray()).GetRawText());

        // A year with no published figures: the client raises its typed problem (application/problem+json, 404).
        var missing = await Assert.ThrowsAnyAsync<Exception>(() => Call(client, "GetMunicipalityAsync", 2022, "9999"));
        Assert.Equal(404, (int)missing.GetType().GetProperty("StatusCode")!.GetValue(missing)!);
        var problem = Json(missing.GetType().GetProperty("Result")!.GetValue(missing)!);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Contains("9999", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<Exception>(() => Call(client, "GetYearAsync", 1999, null));
    }

    /// <summary>The client NSwag generates from the served document, compiled and bound to the test server.</summary>
    private async Task<object> GeneratedClient()
    {
        var document = await NSwag.OpenApiDocument.FromJsonAsync(await new Session(app).Html("/openapi/v1.json"));
        var settings = new CSharpClientGeneratorSettings { ClassName = "PublicClient", UseBaseUrl = false, GenerateClientInterfaces = false };
        settings.CSharpGeneratorSettings.Namespace = "Generated";
        settings.CSharpGeneratorSettings.JsonLibrary = NJsonSchema.CodeGeneration.CSharp.CSharpJsonLibrary.SystemTextJson;
        var source = new CSharpClientGenerator(document, settings).GenerateFile();

        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create("Generated.PublicClient", [CSharpSyntaxTree.ParseText(source)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var assembly = new MemoryStream();
        var emitted = compilation.Emit(assembly);
        Assert.True(emitted.Success, "the generated client does not compile:\n" +
            string.Join('\n', emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)) + "\n" + source);
        assembly.Position = 0;
        var type = new AssemblyLoadContext("generated-client", isCollectible: true).LoadFromStream(assembly).GetType("Generated.PublicClient")!;
        return Activator.CreateInstance(type, app.CreateClient())!;
    }

    /// <summary>Calls a generated operation (named after its operationId) and returns its answer.</summary>
    private static async Task<object> Call(object client, string operation, params object?[] arguments)
    {
        var method = client.GetType().GetMethods().Single(m => m.Name == operation && m.GetParameters().Length == arguments.Length);
        try
        {
            var task = (Task)method.Invoke(client, arguments)!;
            await task;
            return task.GetType().GetProperty("Result")!.GetValue(task)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    private static JsonElement Json(object value) => JsonSerializer.SerializeToElement(value, value.GetType(), new JsonSerializerOptions(JsonSerializerDefaults.Web));
}
