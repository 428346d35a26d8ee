using System.Globalization;
using System.Net;
using System.Text.Json;
using Gallery.Testing.OciLayouts;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Gallery.EndToEnd.Tests.Operations;

/// <summary>GET /openapi/v1.json is a valid OpenAPI document, and what it says of /api/search is what /api/search answers.</summary>
[Collection(SqliteGallery.Name)]
public sealed class OpenApiTests(SqliteGalleryFixture fixture) : GalleryTest(fixture)
{
    [Fact]
    public async Task Document_is_valid_and_describes_every_api_endpoint()
    {
        var document = await ReadDocumentAsync();

        var errors = document.Validate(ValidationRuleSet.GetDefaultRuleSet()).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Pointer}: {e.Message}")));
        Assert.All(document.Paths.Keys, path => Assert.StartsWith("/api/", path, StringComparison.Ordinal));
        Assert.Contains("/api/search", document.Paths.Keys);
        Assert.Contains("/api/logos/{digest}", document.Paths.Keys);
        Assert.DoesNotContain(document.Paths.Keys, p => p.Contains("{**", StringComparison.Ordinal) || p == "/api/{path}");

        var search = document.Paths["/api/search"].Operations![HttpMethod.Get];
        Assert.Equal(
            ["searchTerm", "architecture", "operatingSystems", "verified", "publisher", "sort", "page", "pageSize", "type", "signed", "sbom", "package"],
            search.Parameters!.Select(p => p.Name));
        Assert.All(search.Parameters!, p => Assert.False(string.IsNullOrWhiteSpace(p.Description), $"{p.Name} has no description"));
        Assert.Contains("200", search.Responses!.Keys);
        Assert.Contains("400", search.Responses!.Keys);
        Assert.Contains("application/problem+json", search.Responses["400"].Content!.Keys);
    }

    [Fact]
    public async Task Live_search_answers_match_the_documented_schema()
    {
        var repository = References.UniqueRepository("openapi");
        var (layout, _) = OciLayouts.SingleLayer(Temp.Sub("push"), repository, "v1");
        await Skopeo.CopyAsync(References.Oci(layout.Directory, "v1"), Docker(repository, "v1"));
        var document = await ReadDocumentAsync();
        var name = Uri.EscapeDataString(repository.Split('/')[1]);
        await WaitUntilFoundAsync($"api/search?searchTerm={name}");

        await AssertMatchesAsync(document, $"api/search?searchTerm={name}&architecture=x86-64,ARM%2064&operatingSystems=Linux&sort=name&pageSize=5", HttpStatusCode.OK, "application/json");
        await AssertMatchesAsync(document, "api/search", HttpStatusCode.OK, "application/json");
        await AssertMatchesAsync(document, "api/search?type=image,helm", HttpStatusCode.OK, "application/json");
        await AssertMatchesAsync(document, "api/search?type=chart", HttpStatusCode.BadRequest, "application/problem+json");
        await AssertMatchesAsync(document, "api/search?package=zlib%401.2&signed=true&sbom=false", HttpStatusCode.OK, "application/json");
        await AssertMatchesAsync(document, "api/search?package=", HttpStatusCode.BadRequest, "application/problem+json");
        await AssertMatchesAsync(document, "api/search?pageSize=101&sort=sideways", HttpStatusCode.BadRequest, "application/problem+json");
    }

    private async Task AssertMatchesAsync(OpenApiDocument document, string url, HttpStatusCode status, string contentType)
    {
        using var response = await Gallery.Client.GetAsync(Gallery.Url(url));
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        var schema = document.Paths["/api/search"].Operations![HttpMethod.Get].Responses![((int)status).ToString(CultureInfo.InvariantCulture)]
            .Content![contentType].Schema!;
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var problems = OpenApiSchemaCheck.Problems(schema, answer.RootElement);
        Assert.True(problems.Count == 0, $"{url}:\n{string.Join("\n", problems)}\n{answer.RootElement}");
    }

    private async Task WaitUntilFoundAsync(string url)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            using var answer = JsonDocument.Parse(await Gallery.Client.GetStringAsync(Gallery.Url(url)));
            if (answer.RootElement.GetProperty("total").GetInt32() > 0)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{url} found nothing within 15 s of the push");
            await Task.Delay(100);
        }
    }

    private async Task<OpenApiDocument> ReadDocumentAsync()
    {
        using var response = await Gallery.Client.GetAsync(Gallery.Url("openapi/v1.json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var read = OpenApiDocument.Parse(await response.Content.ReadAsStringAsync(), OpenApiConstants.Json, new OpenApiReaderSettings());
        Assert.True(read.Diagnostic is null || read.Diagnostic.Errors.Count == 0,
            string.Join("\n", read.Diagnostic?.Errors.Select(e => e.Message) ?? []));
        return read.Document ?? throw new InvalidOperationException("no document");
    }
}
