using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Gallery.Testing;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Access;
using Registry.Core.Tests.EcrPublic;
using Registry.Core.Tests.Http;

namespace Registry.Core.Tests.Access;

/// <summary>
/// A bearer token issued with push or delete stops allowing them as soon as what granted them is gone: the access key
/// it came from, the account, or the policy statement. Pulls with the same token go on (anyone may pull).
/// </summary>
public abstract class TokenRevocationTests(RegistryFixture fixture) : ApiTestBase(fixture)
{
    private HttpClient Raw => Fixture.Host.RawClient;

    [Fact]
    public async Task Revoking_the_access_key_stops_pushes_with_tokens_it_already_got()
    {
        var publisher = await NewPublisherAsync();
        var name = $"{publisher.Caller.Alias}/app";
        var token = await TokenAsync(publisher.Credentials, $"repository:{name}:pull,push,delete");
        var blob = TestBlob.Random(12);
        using (var before = await PushBlobAsync(token, name, blob))
        {
            Assert.Equal(HttpStatusCode.Created, before.StatusCode);
        }

        await RunAsync<AccessKeyService>(k => k.RevokeAsync(publisher.Caller.AccountId, publisher.AccessKeyId, CancellationToken.None));

        using var after = await PushBlobAsync(token, name, TestBlob.Random(12));
        await RegistryApi.AssertErrorAsync(after, HttpStatusCode.Forbidden, "DENIED");
        using var delete = await SendAsync(HttpMethod.Delete, $"/v2/{name}/blobs/{blob.Digest}", token);
        await RegistryApi.AssertErrorAsync(delete, HttpStatusCode.Forbidden, "DENIED");
        using var pull = await SendAsync(HttpMethod.Get, $"/v2/{name}/blobs/{blob.Digest}", token);
        Assert.Equal(HttpStatusCode.OK, pull.StatusCode);
    }

    [Fact]
    public async Task Suspending_the_account_stops_pushes_with_tokens_it_already_got()
    {
        var publisher = await NewPublisherAsync();
        var name = $"{publisher.Caller.Alias}/app";
        var token = await TokenAsync(publisher.Credentials, $"repository:{name}:pull,push");
        using (var before = await PushBlobAsync(token, name, TestBlob.Random(12)))
        {
            Assert.Equal(HttpStatusCode.Created, before.StatusCode);
        }

        await RunAsync<AdministrationService>(a => a.SetSuspendedAsync(publisher.Caller.AccountId, true, "an-administrator", CancellationToken.None));

        using var after = await PushBlobAsync(token, name, TestBlob.Random(12));
        await RegistryApi.AssertErrorAsync(after, HttpStatusCode.Forbidden, "DENIED");
    }

    [Fact]
    public async Task Removing_the_policy_that_granted_push_stops_pushes_with_tokens_it_already_got()
    {
        var name = RegistryApi.UniqueName();
        await Api.PushImageAsync(name, TestImage.Create());
        var guest = await NewPublisherAsync();
        var owner = new EcrPublicClient(Raw, TestPublisher.AccessKeyId, TestPublisher.SecretAccessKey);
        var repositoryName = name[(TestPublisher.Alias.Length + 1)..];
        var policy = $$"""{"Version":"2012-10-17","Statement":[{"Sid":"guest","Effect":"Allow","Principal":{"AWS":"{{guest.Caller.Arn}}"},"Action":["ecr-public:PutImage"]}]}""";
        await owner.CallAsync("SetRepositoryPolicy", new { repositoryName, policyText = policy });
        var token = await TokenAsync(guest.Credentials, $"repository:{name}:pull,push");
        using (var before = await PushBlobAsync(token, name, TestBlob.Random(12)))
        {
            Assert.Equal(HttpStatusCode.Created, before.StatusCode);
        }

        await owner.CallAsync("DeleteRepositoryPolicy", new { repositoryName });

        using var after = await PushBlobAsync(token, name, TestBlob.Random(12));
        await RegistryApi.AssertErrorAsync(after, HttpStatusCode.Forbidden, "DENIED");
    }

    private sealed record Publisher(Caller Caller, string AccessKeyId, string Credentials);

    /// <summary>A publisher of its own, with an access key, whose pushes create repositories.</summary>
    private async Task<Publisher> NewPublisherAsync()
    {
        var created = await OtherPublishers.CreateAsync(Fixture.Host, $"revoked-{Guid.NewGuid():N}", displayName: "Revoked", createOnPush: true);
        return new Publisher(created.Caller, created.AccessKeyId, created.Credentials);
    }

    private async Task RunAsync<TService>(Func<TService, Task> change) where TService : notnull
    {
        await using var scope = Fixture.Host.Services.CreateAsyncScope();
        await change(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private async Task<string> TokenAsync(string credentials, string scope)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/token?scope={Uri.EscapeDataString(scope)}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        using var response = await Raw.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TokenBody>())!.Token;
    }

    private Task<HttpResponseMessage> PushBlobAsync(string token, string name, TestBlob blob) =>
        SendAsync(HttpMethod.Post, $"/v2/{name}/blobs/uploads/?digest={blob.Digest}", token, RegistryApi.Octets(blob.Content));

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await Raw.SendAsync(request);
    }

    private sealed record TokenBody(string Token);
}

public sealed class SqliteTokenRevocationTests(SqliteRegistryFixture fixture) : TokenRevocationTests(fixture), IClassFixture<SqliteRegistryFixture>;

public sealed class PostgresTokenRevocationTests(PostgresRegistryFixture fixture) : TokenRevocationTests(fixture), IClassFixture<PostgresRegistryFixture>;
