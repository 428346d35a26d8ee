using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gallery.Testing;
using Registry.Core.Tests.Access;
using Registry.Core.Tests.Http;

namespace Registry.Core.Tests.Webhooks;

/// <summary>/api/webhooks on a host that refuses private targets (the default): auth, bad input, ownership, CRUD.</summary>
public abstract class WebhookApiTests(RegistryFixture fixture) : ApiTestBase(fixture)
{
    private const string Secret = "a-webhook-secret-of-some-length";

    [Fact]
    public async Task Requests_without_valid_access_key_credentials_are_refused_with_401()
    {
        using var anonymous = await Fixture.Host.RawClient.GetAsync("/api/webhooks");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains("Basic", anonymous.Headers.WwwAuthenticate.ToString());

        using var wrong = Request(HttpMethod.Get, "/api/webhooks", credentials: $"{TestPublisher.AccessKeyId}:not-the-secret");
        using var response = await Fixture.Host.RawClient.SendAsync(wrong);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("ftp://hooks.example.com/x", "http://")]
    [InlineData("/relative/path", "http://")]
    [InlineData("http://user:pw@203.0.113.9/x", "user name")]
    [InlineData("http://127.0.0.1:9/hook", "loopback")]
    [InlineData("http://localhost:9/hook", "loopback")]
    [InlineData("http://[::1]:9/hook", "loopback")]
    [InlineData("http://10.1.2.3/hook", "private")]
    [InlineData("http://192.168.0.10/hook", "private")]
    [InlineData("http://169.254.169.254/latest/meta-data", "link-local")]
    [InlineData("http://[::ffff:169.254.169.254]/x", "link-local")]
    [InlineData("http://0.0.0.0/x", "not a unicast")]
    public async Task Urls_that_are_not_http_or_point_inside_are_refused_with_the_reason(string url, string reason)
    {
        var (status, detail) = await CreateAsync(new { url, secret = Secret, events = new[] { "image.pushed" } });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(reason, detail);
    }

    [Fact]
    public async Task Other_bad_input_is_refused_with_the_reason_and_nothing_is_stored()
    {
        var tooLong = "http://203.0.113.9/" + new string('a', 2100);
        (object Body, string Reason)[] cases =
        [
            (new { url = tooLong, secret = Secret, events = new[] { "image.pushed" } }, "at most 2048"),
            (new { url = "http://203.0.113.9/", secret = "short", events = new[] { "image.pushed" } }, "at least 16"),
            (new { url = "http://203.0.113.9/", events = new[] { "image.pushed" } }, "secret is required"),
            (new { url = "http://203.0.113.9/", secret = Secret, events = Array.Empty<string>() }, "at least one"),
            (new { url = "http://203.0.113.9/", secret = Secret, events = new[] { "image.exploded" } }, "unknown event"),
            (new { repository = "someone-else/repo", url = "http://203.0.113.9/", secret = Secret, events = new[] { "image.pushed" } }, "not one of yours"),
            (new { repository = "Bad Name", url = "http://203.0.113.9/", secret = Secret, events = new[] { "image.pushed" } }, "alias"),
        ];
        foreach (var (body, reason) in cases)
        {
            var (status, detail) = await CreateAsync(body);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Contains(reason, detail);
        }

        using var notJson = Request(HttpMethod.Post, "/api/webhooks", new StringContent("{\"url\": ", Encoding.UTF8, "application/json"));
        using var notJsonResponse = await Fixture.Host.RawClient.SendAsync(notJson);
        Assert.Equal(HttpStatusCode.BadRequest, notJsonResponse.StatusCode);
        using var form = Request(HttpMethod.Post, "/api/webhooks", new StringContent("url=x", Encoding.UTF8, "application/x-www-form-urlencoded"));
        using var formResponse = await Fixture.Host.RawClient.SendAsync(form);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, formResponse.StatusCode);

        Assert.DoesNotContain(await ListAsync(TestPublisher.Credentials), w => w.GetProperty("url").GetString()!.Contains("aaaa"));
    }

    [Fact]
    public async Task A_webhook_is_created_read_replaced_and_deleted_by_its_owner_only()
    {
        var name = RegistryApi.UniqueName();
        await Api.PushImageAsync(name, TestImage.Create());
        using var create = Request(HttpMethod.Post, "/api/webhooks",
            JsonContent.Create(new { repository = name, url = "https://203.0.113.7/hooks", secret = Secret, events = new[] { "image.pushed", "tag.moved" } }));
        using var created = await Fixture.Host.RawClient.SendAsync(create);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var webhook = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        var id = webhook.GetProperty("id").GetInt64();
        Assert.Equal($"/api/webhooks/{id}", created.Headers.Location?.ToString());
        Assert.Equal(name, webhook.GetProperty("repository").GetString());
        Assert.False(webhook.TryGetProperty("secret", out _));

        var other = await OtherPublishers.CreateAsync(Fixture.Host, $"webhook-other-{Guid.NewGuid():N}"[..24]);
        using var othersGet = Request(HttpMethod.Get, $"/api/webhooks/{id}", credentials: other.Credentials);
        Assert.Equal(HttpStatusCode.NotFound, (await Fixture.Host.RawClient.SendAsync(othersGet)).StatusCode);
        using var othersDelete = Request(HttpMethod.Delete, $"/api/webhooks/{id}", credentials: other.Credentials);
        Assert.Equal(HttpStatusCode.NotFound, (await Fixture.Host.RawClient.SendAsync(othersDelete)).StatusCode);
        Assert.Empty(await ListAsync(other.Credentials));

        using var replace = Request(HttpMethod.Put, $"/api/webhooks/{id}",
            JsonContent.Create(new { url = "https://203.0.113.8/other", events = new[] { "repository.deleted" } }));
        using var replaced = await Fixture.Host.RawClient.SendAsync(replace);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var after = JsonDocument.Parse(await replaced.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("https://203.0.113.8/other", after.GetProperty("url").GetString());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("repository").ValueKind);
        Assert.Contains(await ListAsync(TestPublisher.Credentials), w => w.GetProperty("id").GetInt64() == id);

        using var badReplace = Request(HttpMethod.Put, $"/api/webhooks/{id}", JsonContent.Create(new { url = "gopher://x", events = new[] { "image.pushed" } }));
        Assert.Equal(HttpStatusCode.BadRequest, (await Fixture.Host.RawClient.SendAsync(badReplace)).StatusCode);

        using var delete = Request(HttpMethod.Delete, $"/api/webhooks/{id}");
        Assert.Equal(HttpStatusCode.NoContent, (await Fixture.Host.RawClient.SendAsync(delete)).StatusCode);
        using var gone = Request(HttpMethod.Get, $"/api/webhooks/{id}");
        Assert.Equal(HttpStatusCode.NotFound, (await Fixture.Host.RawClient.SendAsync(gone)).StatusCode);
        using var unknown = Request(HttpMethod.Get, "/api/webhooks/999999999");
        Assert.Equal(HttpStatusCode.NotFound, (await Fixture.Host.RawClient.SendAsync(unknown)).StatusCode);
    }

    private async Task<(HttpStatusCode Status, string Detail)> CreateAsync(object body)
    {
        using var request = Request(HttpMethod.Post, "/api/webhooks", JsonContent.Create(body));
        using var response = await Fixture.Host.RawClient.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var detail = response.StatusCode == HttpStatusCode.BadRequest ? JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString()! : text;
        return (response.StatusCode, detail);
    }

    private async Task<List<JsonElement>> ListAsync(string credentials)
    {
        using var request = Request(HttpMethod.Get, "/api/webhooks", credentials: credentials);
        using var response = await Fixture.Host.RawClient.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToList();
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, HttpContent? content = null, string credentials = TestPublisher.Credentials) =>
        new(method, path)
        {
            Content = content,
            Headers = { Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials))) },
        };
}

public sealed class SqliteWebhookApiTests(SqliteRegistryFixture fixture) : WebhookApiTests(fixture), IClassFixture<SqliteRegistryFixture>;

public sealed class PostgresWebhookApiTests(PostgresRegistryFixture fixture) : WebhookApiTests(fixture), IClassFixture<PostgresRegistryFixture>;
