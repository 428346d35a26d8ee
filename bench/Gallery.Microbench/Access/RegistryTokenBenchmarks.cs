using BenchmarkDotNet.Attributes;
using Gallery.Microbench.Support;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Access;
using Registry.Core.Access.Tokens;

namespace Gallery.Microbench.Access;

/// <summary>
/// The token work of a request: issuing a bearer token at /token, checking it on every /v2/ request (after the first
/// check it comes from the service's cache) with the grant check that follows, and GetAuthorizationToken's token,
/// which is issued and checked (not cached) the same way. The first, uncached check is in
/// <see cref="RegistryTokenFirstValidationBenchmarks"/>.
/// </summary>
[MemoryDiagnoser]
public class RegistryTokenBenchmarks
{
    private RegistryServices _registry = null!;
    private RegistryTokenService _tokens = null!;
    private Caller _caller = null!;
    private string _registryToken = "";
    private string _authorizationToken = "";
    private RegistryGrant _grant = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _registry = await RegistryServices.StartAsync();
        _tokens = _registry.Services.GetRequiredService<RegistryTokenService>();
        _caller = await TokenSamples.CallerAsync(_registry);
        (_registryToken, _) = await _tokens.IssueRegistryTokenAsync(_caller, TokenSamples.Service, TokenSamples.PullScope, CancellationToken.None);
        (_authorizationToken, _) = await _tokens.IssueAuthorizationTokenAsync(_caller, RegistryServices.AccessKeyId, CancellationToken.None);
        _grant = await _tokens.ValidateRegistryTokenAsync(_registryToken, TokenSamples.Service, CancellationToken.None)
            ?? throw new InvalidOperationException("the token just issued does not validate");
    }

    [GlobalCleanup]
    public async Task Cleanup() => await _registry.DisposeAsync();

    [Benchmark(Description = "IssueRegistryToken (pull scope)")]
    public async Task<string> IssueRegistryToken() =>
        (await _tokens.IssueRegistryTokenAsync(_caller, TokenSamples.Service, TokenSamples.PullScope, CancellationToken.None)).Token;

    [Benchmark(Description = "ValidateRegistryToken, cached")]
    public Task<RegistryGrant?> ValidateRegistryTokenCached() =>
        _tokens.ValidateRegistryTokenAsync(_registryToken, TokenSamples.Service, CancellationToken.None);

    [Benchmark(Description = "Grant check (RegistryGrant.Allows pull)")]
    public bool GrantCheck() => _grant.Allows(RegistryScope.RepositoryType, TokenSamples.Repository, RegistryScope.Pull);

    [Benchmark(Description = "IssueAuthorizationToken")]
    public async Task<string> IssueAuthorizationToken() =>
        (await _tokens.IssueAuthorizationTokenAsync(_caller, RegistryServices.AccessKeyId, CancellationToken.None)).Password;

    [Benchmark(Description = "ValidateAuthorizationToken (never cached)")]
    public Task<RegistryTokenService.AuthorizationClaims?> ValidateAuthorizationToken() =>
        _tokens.ValidateAuthorizationTokenAsync(_authorizationToken, CancellationToken.None);
}
