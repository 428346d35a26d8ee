using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Gallery.Testing;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Access;
using Registry.Core.Tests.Http;

namespace Registry.Core.Tests.Access;

/// <summary>The token protocol on /v2/: anonymous pulls, authenticated pushes, and every way a token can be wrong.</summary>
public abstract class RegistryAuthTests(RegistryFixture fixture) : ApiTestBase(fixture)
{
    private HttpClient Raw => Fixture.Host.RawClient;

    [Fact]
    public async Task Requests_without_a_token_are_challenged_with_the_realm_and_scope()
    {
        using var root = await Raw.GetAsync("/v2/");
        await RegistryApi.AssertErrorAsync(root, HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        var challenge = root.Headers.WwwAuthenticate.Single();
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains($"realm=\"{Fixture.Host.BaseAddress}token\"", challenge.Parameter);
        Assert.Contains($"service=\"{Fixture.Host.Authority}\"", challenge.Parameter);

        using var manifest = await Raw.GetAsync("/v2/tests/some-repo/manifests/latest");
        Assert.Contains("scope=\"repository:tests/some-repo:pull\"", manifest.Headers.WwwAuthenticate.Single().Parameter);
        using var push = await Raw.PostAsync("/v2/tests/some-repo/blobs/uploads/", null);
        Assert.Contains("scope=\"repository:tests/some-repo:pull,push\"", push.Headers.WwwAuthenticate.Single().Parameter);
    }

    [Fact]
    public async Task Anonymous_users_pull_but_cannot_push()
    {
        var name = RegistryApi.UniqueName();
        var image = TestImage.Create();
        await Api.PushImageAsync(name, image);
        var anonymous = Fixture.Host.AnonymousClient;

        using var pull = await anonymous.GetAsync($"/v2/{name}/manifests/latest");
        Assert.Equal(HttpStatusCode.OK, pull.StatusCode);
        using var blob = await anonymous.GetAsync($"/v2/{name}/blobs/{image.Config.Digest}");
        Assert.Equal(image.Config.Content, await blob.Content.ReadAsByteArrayAsync());

        var layer = TestBlob.Random(10);
        using var push = await anonymous.PostAsync($"/v2/{name}/blobs/uploads/?digest={layer.Digest}", RegistryApi.Octets(layer.Content));
        await RegistryApi.AssertErrorAsync(push, HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        Assert.Contains("insufficient_scope", push.Headers.WwwAuthenticate.Single().Parameter);
        using var delete = await anonymous.DeleteAsync($"/v2/{name}/manifests/latest");
        Assert.Equal(HttpStatusCode.Unauthorized, delete.StatusCode);
        using var still = await anonymous.GetAsync($"/v2/{name}/manifests/latest");
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }

    [Fact]
    public async Task Token_endpoint_grants_only_what_the_caller_may_do()
    {
        var name = RegistryApi.UniqueName();
        var anonymous = await TokenAsync(null, $"repository:{name}:pull,push");
        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
        var token = (await anonymous.Content.ReadFromJsonAsync<TokenBody>())!;
        Assert.Equal(token.token, token.access_token);
        Assert.True(token.expires_in > 60);

        using var pushWithPullToken = await SendWithTokenAsync(HttpMethod.Post, $"/v2/{name}/blobs/uploads/", token.token);
        Assert.Equal(HttpStatusCode.Unauthorized, pushWithPullToken.StatusCode);
    }

    [Fact]
    public async Task A_token_request_is_limited_to_16_scopes_and_such_a_token_is_still_accepted()
    {
        var longest = Enumerable.Range(0, 17).Select(i => $"{TestPublisher.Alias}/{new string('a', 200)}{i:D5}").ToList();
        var scopes = longest.Select(name => $"repository:{name}:pull,push,delete").ToList();

        using var tooMany = await TokenAsync(TestPublisher.Credentials, string.Join(' ', scopes));
        Assert.Contains("at most 16 scopes", await RegistryApi.AssertErrorAsync(tooMany, HttpStatusCode.BadRequest, "DENIED"));

        using var enough = await TokenAsync(TestPublisher.Credentials, string.Join(' ', scopes.Take(16)));
        var token = (await enough.Content.ReadFromJsonAsync<TokenBody>())!.token;
        using var pull = await SendWithTokenAsync(HttpMethod.Get, $"/v2/{longest[15]}/tags/list", token);
        await RegistryApi.AssertErrorAsync(pull, HttpStatusCode.NotFound, "NAME_UNKNOWN");
    }

    [Theory]
    [InlineData("GKTESTPUBLISHER00001", "wrong-secret")]
    [InlineData("GKUNKNOWNKEY00000000", "whatever")]
    [InlineData("AWS", "not-a-token")]
    public async Task Wrong_credentials_get_401_at_the_token_endpoint(string user, string password)
    {
        using var response = await TokenAsync($"{user}:{password}", "repository:tests/x:push");
        await RegistryApi.AssertErrorAsync(response, HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task Tampered_expired_or_foreign_tokens_are_refused()
    {
        var name = RegistryApi.UniqueName();
        await Api.PushImageAsync(name, TestImage.Create());
        using var response = await TokenAsync(TestPublisher.Credentials, $"repository:{name}:pull,push");
        var token = (await response.Content.ReadFromJsonAsync<TokenBody>())!.token;
        var parts = token.Split('.');

        var tamperedPayload = $"{parts[0]}.{Flip(parts[1])}.{parts[2]}";
        var tamperedSignature = $"{parts[0]}.{parts[1]}.{Flip(parts[2])}";
        var unsigned = $"{parts[0]}.{parts[1]}.";
        foreach (var bad in new[] { tamperedPayload, tamperedSignature, unsigned, "garbage", "a.b.c" })
        {
            using var refused = await SendWithTokenAsync(HttpMethod.Get, $"/v2/{name}/manifests/latest", bad);
            await RegistryApi.AssertErrorAsync(refused, HttpStatusCode.Unauthorized, "UNAUTHORIZED");
            Assert.Contains("invalid_token", refused.Headers.WwwAuthenticate.Single().Parameter);
        }

        using var good = await SendWithTokenAsync(HttpMethod.Get, $"/v2/{name}/manifests/latest", token);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
    }

    [Fact]
    public async Task A_token_for_one_repository_does_not_open_another()
    {
        var first = RegistryApi.UniqueName();
        var second = RegistryApi.UniqueName();
        await Api.PushImageAsync(second, TestImage.Create());
        using var response = await TokenAsync(TestPublisher.Credentials, $"repository:{first}:pull,push");
        var token = (await response.Content.ReadFromJsonAsync<TokenBody>())!.token;

        using var other = await SendWithTokenAsync(HttpMethod.Delete, $"/v2/{second}/manifests/latest", token);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        using var stillThere = await Client.GetAsync($"/v2/{second}/manifests/latest");
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
    }

    [Fact]
    public async Task Another_publisher_cannot_push_to_this_alias()
    {
        var (keyId, secret) = await CreatePublisherAsync();
        var name = RegistryApi.UniqueName();
        await Api.PushImageAsync(name, TestImage.Create());
        using var intruder = new HttpClient(new RegistryTokenHandler($"{keyId}:{secret}")) { BaseAddress = Fixture.Host.BaseAddress };

        var blob = TestBlob.Random(8);
        using var push = await intruder.PostAsync($"/v2/{name}/blobs/uploads/?digest={blob.Digest}", RegistryApi.Octets(blob.Content));
        await RegistryApi.AssertErrorAsync(push, HttpStatusCode.Forbidden, "DENIED");
        using var pull = await intruder.GetAsync($"/v2/{name}/manifests/latest");
        Assert.Equal(HttpStatusCode.OK, pull.StatusCode);
    }

    [Fact]
    public async Task Push_to_a_missing_repository_is_name_unknown_without_create_on_push()
    {
        var (keyId, secret) = await CreatePublisherAsync();
        string alias;
        await using (var scope = Fixture.Host.Services.CreateAsyncScope())
        {
            var key = await scope.ServiceProvider.GetRequiredService<AccessKeyService>().FindActiveAsync(keyId, CancellationToken.None);
            alias = (await scope.ServiceProvider.GetRequiredService<PublisherService>().FindCallerAsync(key!.AccountId, CancellationToken.None))!.Alias;
        }

        using var publisher = new HttpClient(new RegistryTokenHandler($"{keyId}:{secret}")) { BaseAddress = Fixture.Host.BaseAddress };
        using var start = await publisher.PostAsync($"/v2/{alias}/missing-repo/blobs/uploads/", null);
        var message = await RegistryApi.AssertErrorAsync(start, HttpStatusCode.NotFound, "NAME_UNKNOWN");
        Assert.Contains("create-repository", message);
    }

    [Fact]
    public async Task Authorization_token_works_as_basic_password_and_as_direct_bearer()
    {
        var name = RegistryApi.UniqueName();
        await Api.PushImageAsync(name, TestImage.Create());
        string password;
        await using (var scope = Fixture.Host.Services.CreateAsyncScope())
        {
            var caller = (await scope.ServiceProvider.GetRequiredService<PublisherService>().FindCallerAsync(
                (await scope.ServiceProvider.GetRequiredService<AccessKeyService>().FindActiveAsync(TestPublisher.AccessKeyId, CancellationToken.None))!.AccountId,
                CancellationToken.None))!;
            password = (await Fixture.Host.Services.GetRequiredService<Registry.Core.Access.Tokens.RegistryTokenService>()
                .IssueAuthorizationTokenAsync(caller, TestPublisher.AccessKeyId, CancellationToken.None)).Password;
        }

        using var viaBasic = new HttpClient(new RegistryTokenHandler($"AWS:{password}")) { BaseAddress = Fixture.Host.BaseAddress };
        var blob = TestBlob.Random(16);
        using var push = await viaBasic.PostAsync($"/v2/{name}/blobs/uploads/?digest={blob.Digest}", RegistryApi.Octets(blob.Content));
        Assert.Equal(HttpStatusCode.Created, push.StatusCode);

        var direct = Convert.ToBase64String(Encoding.UTF8.GetBytes($"AWS:{password}"));
        using var pull = await SendWithTokenAsync(HttpMethod.Get, $"/v2/{name}/manifests/latest", direct);
        Assert.Equal(HttpStatusCode.OK, pull.StatusCode);
    }

    private async Task<HttpResponseMessage> TokenAsync(string? credentials, string scope)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/token?service={Fixture.Host.Authority}&scope={Uri.EscapeDataString(scope)}");
        if (credentials is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        }

        return await Raw.SendAsync(request);
    }

    private async Task<HttpResponseMessage> SendWithTokenAsync(HttpMethod method, string path, string token)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await Raw.SendAsync(request);
    }

    private async Task<(string KeyId, string Secret)> CreatePublisherAsync()
    {
        var created = await OtherPublishers.CreateAsync(Fixture.Host, $"other-{Guid.NewGuid():N}", displayName: "Other");
        return (created.AccessKeyId, created.SecretAccessKey);
    }

    private static string Flip(string segment) => segment[..^2] + (segment[^2] == 'A' ? 'B' : 'A') + segment[^1];

#pragma warning disable IDE1006 // JSON names of the token response.
    private sealed record TokenBody(string token, string access_token, int expires_in);
#pragma warning restore IDE1006
}

public sealed class SqliteRegistryAuthTests(SqliteRegistryFixture fixture) : RegistryAuthTests(fixture), IClassFixture<SqliteRegistryFixture>;

public sealed class PostgresRegistryAuthTests(PostgresRegistryFixture fixture) : RegistryAuthTests(fixture), IClassFixture<PostgresRegistryFixture>;
