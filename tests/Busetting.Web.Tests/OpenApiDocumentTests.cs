using System.Text.Json;

namespace Busetting.Web.Tests;

/// <summary>The public OpenAPI document's contract (issue 16, item 12): ids, typed answers, problems, no security, a relative server, the licence.</summary>
public class OpenApiDocumentTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task PublicDocument_EveryOperation_HasAnIdTypedAnswersAndNoSecurity()
    {
        var document = JsonDocument.Parse(await new Session(app).Html("/openapi/v1.json")).RootElement;
        Assert.Equal("/", Assert.Single(document.GetProperty("servers").EnumerateArray()).GetProperty("url").GetString());
        var license = document.GetProperty("info").GetProperty("license");
        Assert.Contains("NLOD 2.0", license.GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Contains("IMDi", license.GetProperty("name").GetString(), StringComparison.Ordinal);

        var ids = new List<string>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            var operation = path.Value.GetProperty("get");
            ids.Add(operation.GetProperty("operationId").GetString()!);
            Assert.Equal(0, operation.GetProperty("security").GetArrayLength());
            var ok = operation.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema");
            Assert.True(ok.TryGetProperty("$ref", out _) || ok.TryGetProperty("items", out _), $"{path.Name}: the answer has no schema");
            if (path.Name.Contains('{', StringComparison.Ordinal))
            {
                var problem = operation.GetProperty("responses").GetProperty("404").GetProperty("content").GetProperty("application/problem+json");
                Assert.Equal("#/components/schemas/ProblemDetails", problem.GetProperty("schema").GetProperty("$ref").GetString());
            }
        }
        Assert.Equal(["listYears", "getYear", "getMunicipality"], ids);
        // Numbers are written as numbers: no "integer or string" a generator would turn into an object.
        Assert.DoesNotContain("\"string\"", document.GetProperty("components").GetProperty("schemas").GetProperty("PublicRow")
            .GetProperty("properties").GetProperty("requested").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicDocument_TextsFollowTheChosenWrittenStandard()
    {
        var visitor = new Session(app);
        var bokmal = await visitor.Html("/openapi/v1.json");
        Assert.Contains("År med publiserte tall", bokmal, StringComparison.Ordinal);
        Assert.DoesNotContain("Only published", bokmal, StringComparison.Ordinal);
        await visitor.Get("/konto/maalform?lang=nn&returnUrl=/");
        var nynorsk = await visitor.Html("/openapi/v1.json");
        Assert.Contains("År med publiserte tal\"", nynorsk, StringComparison.Ordinal);
        Assert.Contains("Tala til alle kommunane for eit år", nynorsk, StringComparison.Ordinal);
    }
}
