using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using Gallery.Testing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Registry.Core.Access.Tokens;
using Registry.Core.Data;
using Registry.Core.Data.Entities;
using Registry.Core.Tests.Http;

namespace Registry.Core.Tests.Access;

/// <summary>Replaced signing keys verify the tokens they signed while those can live, and nothing after.</summary>
public abstract class TokenSigningKeyTests(RegistryFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task A_key_replaced_longer_ago_than_any_token_lives_no_longer_verifies()
    {
        var name = RegistryApi.UniqueName();
        await Api.PushImageAsync(name, TestImage.Create());
        // Oldest first: the first was replaced by the second 40 days ago, the second by the current key a moment ago.
        var retired = await AddKeyAsync(DateTime.UtcNow.AddDays(-70));
        var replaced = await AddKeyAsync(DateTime.UtcNow.AddDays(-40));

        using var withRetired = await PullAsync(name, Sign(retired, name));
        await RegistryApi.AssertErrorAsync(withRetired, HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        using var withReplaced = await PullAsync(name, Sign(replaced, name));
        Assert.Equal(HttpStatusCode.OK, withReplaced.StatusCode);
    }

    private async Task<SymmetricSecurityKey> AddKeyAsync(DateTime createdAt)
    {
        var secret = RandomNumberGenerator.GetBytes(32);
        var key = new SymmetricSecurityKey(secret) { KeyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)) };
        await using var scope = Fixture.Host.Services.CreateAsyncScope();
        var protector = scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector(TokenSigningKeys.Purpose);
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        db.SigningKeys.Add(new SigningKey { Id = key.KeyId, ProtectedPrivateKey = protector.Protect(Convert.ToBase64String(secret)), CreatedAt = createdAt });
        await db.SaveChangesAsync();
        return key;
    }

    /// <summary>A pull token as the registry would have signed it with <paramref name="key"/>, valid now.</summary>
    private string Sign(SymmetricSecurityKey key, string name) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "gallery",
        Audience = Fixture.Host.Authority,
        Subject = new ClaimsIdentity([new Claim(JwtRegisteredClaimNames.Sub, "anonymous")]),
        Expires = DateTime.UtcNow.AddMinutes(5),
        Claims = new Dictionary<string, object>
        {
            ["access"] = new[] { new Dictionary<string, object> { ["type"] = "repository", ["name"] = name, ["actions"] = new[] { "pull" } } },
        },
        SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
    });

    private async Task<HttpResponseMessage> PullAsync(string name, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v2/{name}/manifests/latest");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await Fixture.Host.RawClient.SendAsync(request);
    }
}

public sealed class SqliteTokenSigningKeyTests(SqliteRegistryFixture fixture) : TokenSigningKeyTests(fixture), IClassFixture<SqliteRegistryFixture>;

public sealed class PostgresTokenSigningKeyTests(PostgresRegistryFixture fixture) : TokenSigningKeyTests(fixture), IClassFixture<PostgresRegistryFixture>;
