using System.Net;
using Gallery.Testing;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Access;

namespace Registry.Core.Tests.EcrPublic;

/// <summary>Who may call the API: SigV4 with a live access key, inside the clock window, and nothing else.</summary>
public abstract class EcrPublicAuthTests(RegistryFixture fixture) : EcrPublicTestBase(fixture)
{
    private const string Describe = "DescribeRegistries";

    [Fact]
    public async Task A_signed_request_from_a_live_key_is_accepted()
    {
        var output = await Ecr.CallAsync(Describe);
        Assert.Equal(TestPublisher.Alias, output.GetProperty("registries")[0].GetProperty("aliases")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Missing_authentication_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent("{}") };
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "SpencerFrontendService." + Describe);
        var response = await Ecr.SendAsync(request);
        response.AssertError("MissingAuthenticationTokenException");
    }

    [Fact]
    public async Task A_wrong_signature_is_refused()
    {
        var response = await Ecr.SendAsync(Ecr.Sign(Describe, "{}", secret: "not-the-secret"));
        Assert.Contains("signature we calculated does not match", response.AssertError("InvalidSignatureException"));
    }

    [Fact]
    public async Task A_body_changed_after_signing_is_refused()
    {
        var request = Ecr.Sign("CreateRepository", EcrPublicClient.Body(new { repositoryName = NewName() }));
        request.Content = new StringContent(EcrPublicClient.Body(new { repositoryName = "evil-" + NewName() }));
        request.Content.Headers.ContentType = new(EcrPublicClient.ContentType);
        (await Ecr.SendAsync(request)).AssertError("InvalidSignatureException");
    }

    [Fact]
    public async Task A_signature_for_another_service_is_refused()
    {
        var response = await Ecr.SendAsync(Ecr.Sign(Describe, "{}", service: "ecr"));
        Assert.Contains("ecr-public", response.AssertError("InvalidSignatureException"));
    }

    [Fact]
    public async Task Stale_and_future_dates_are_refused()
    {
        var stale = await Ecr.SendAsync(Ecr.Sign(Describe, "{}", DateTime.UtcNow.AddMinutes(-16)));
        Assert.StartsWith("Signature expired", stale.AssertError("InvalidSignatureException"));
        var future = await Ecr.SendAsync(Ecr.Sign(Describe, "{}", DateTime.UtcNow.AddMinutes(16)));
        Assert.StartsWith("Signature not yet current", future.AssertError("InvalidSignatureException"));
        var skewed = await Ecr.SendAsync(Ecr.Sign(Describe, "{}", DateTime.UtcNow.AddMinutes(-10)));
        Assert.Equal(HttpStatusCode.OK, skewed.Status);
    }

    [Fact]
    public async Task A_captured_request_replays_inside_the_window_but_not_after_it()
    {
        var name = NewName();
        var captured = Ecr.Sign("DescribeRepositories", "{}", DateTime.UtcNow.AddMinutes(-14));
        var body = await captured.Content!.ReadAsByteArrayAsync();
        var replay = Clone(captured, body);
        Assert.Equal(HttpStatusCode.OK, (await Ecr.SendAsync(captured)).Status);
        Assert.Equal(HttpStatusCode.OK, (await Ecr.SendAsync(replay)).Status);

        var old = Ecr.Sign("CreateRepository", EcrPublicClient.Body(new { repositoryName = name }), DateTime.UtcNow.AddMinutes(-15.5));
        (await Ecr.SendAsync(old)).AssertError("InvalidSignatureException");
        await Ecr.FailAsync("DescribeRepositories", new { repositoryNames = new[] { name } }, "RepositoryNotFoundException");
    }

    [Fact]
    public async Task A_request_whose_target_is_not_signed_cannot_be_replayed_as_another_operation()
    {
        var name = await CreateRepositoryAsync();
        const string policy = """{"Version":"2012-10-17","Statement":[{"Sid":"push","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":["ecr-public:PutImage"]}]}""";
        await Ecr.CallAsync("SetRepositoryPolicy", new { repositoryName = name, policyText = policy });
        var body = System.Text.Encoding.UTF8.GetBytes(EcrPublicClient.Body(new { repositoryName = name }));

        var captured = Ecr.SignRaw("SpencerFrontendService.GetRepositoryPolicy", body, signTarget: false);
        captured.Headers.Remove("X-Amz-Target");
        captured.Headers.TryAddWithoutValidation("X-Amz-Target", "SpencerFrontendService.DeleteRepositoryPolicy");
        Assert.Contains("X-Amz-Target", (await Ecr.SendAsync(captured)).AssertError("InvalidSignatureException"));

        Assert.Equal(policy, (await Ecr.CallAsync("GetRepositoryPolicy", new { repositoryName = name })).GetProperty("policyText").GetString());
    }

    [Fact]
    public async Task Unknown_and_revoked_keys_are_refused()
    {
        var unknown = new EcrPublicClient(Fixture.Host.RawClient, "GKUNKNOWNKEY0000000", "whatever");
        Assert.Contains("security token", await unknown.FailAsync(Describe, null, "UnrecognizedClientException"));

        var (caller, client, keyId) = await OtherPublisherAsync();
        await client.CallAsync(Describe);
        await using (var scope = Fixture.Host.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<AccessKeyService>().RevokeAsync(caller.AccountId, keyId, CancellationToken.None));
        }

        await client.FailAsync(Describe, null, "UnrecognizedClientException");
    }

    [Fact]
    public async Task Malformed_authorization_headers_are_refused()
    {
        var request = Ecr.Sign(Describe, "{}");
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=GKTESTPUBLISHER00001/2020/us-east-1");
        (await Ecr.SendAsync(request)).AssertError("IncompleteSignatureException");
        var basic = Ecr.Sign(Describe, "{}");
        basic.Headers.Remove("Authorization");
        basic.Headers.TryAddWithoutValidation("Authorization", "Basic " + Convert.ToBase64String("AWS:x"u8.ToArray()));
        (await Ecr.SendAsync(basic)).AssertError("IncompleteSignatureException");
    }

    [Fact]
    public async Task Posts_to_the_root_without_the_target_header_are_not_the_api()
    {
        using var response = await Fixture.Host.RawClient.PostAsync("/", new StringContent("{}"));
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("__type", await response.Content.ReadAsStringAsync());
    }

    private static HttpRequestMessage Clone(HttpRequestMessage original, byte[] body)
    {
        var copy = new HttpRequestMessage(original.Method, original.RequestUri) { Content = new ByteArrayContent(body) };
        copy.Content.Headers.ContentType = original.Content!.Headers.ContentType;
        foreach (var header in original.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return copy;
    }
}

public sealed class SqliteEcrPublicAuthTests(SqliteRegistryFixture fixture) : EcrPublicAuthTests(fixture), IClassFixture<SqliteRegistryFixture>;

public sealed class PostgresEcrPublicAuthTests(PostgresRegistryFixture fixture) : EcrPublicAuthTests(fixture), IClassFixture<PostgresRegistryFixture>;
