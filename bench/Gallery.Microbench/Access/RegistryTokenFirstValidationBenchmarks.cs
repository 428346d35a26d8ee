using BenchmarkDotNet.Attributes;
using Gallery.Microbench.Support;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Access;
using Registry.Core.Access.Tokens;

namespace Gallery.Microbench.Access;

/// <summary>
/// The first check of a bearer token (signature, issuer, audience, lifetime, claims read, then cached): each
/// invocation checks a token never seen before, issued in the iteration's setup, so no call hits the cache.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(Tokens)]
public class RegistryTokenFirstValidationBenchmarks
{
    private const int Tokens = 4096;

    private readonly string[] _fresh = new string[Tokens];
    private RegistryServices _registry = null!;
    private RegistryTokenService _tokens = null!;
    private Caller _caller = null!;
    private int _next;

    [GlobalSetup]
    public async Task Setup()
    {
        _registry = await RegistryServices.StartAsync();
        _tokens = _registry.Services.GetRequiredService<RegistryTokenService>();
        _caller = await TokenSamples.CallerAsync(_registry);
    }

    [GlobalCleanup]
    public async Task Cleanup() => await _registry.DisposeAsync();

    [IterationSetup]
    public void IssueFreshTokens()
    {
        for (var i = 0; i < _fresh.Length; i++)
        {
            _fresh[i] = _tokens.IssueRegistryTokenAsync(_caller, TokenSamples.Service, TokenSamples.PullScope, CancellationToken.None)
                .GetAwaiter().GetResult().Token;
        }

        _next = 0;
    }

    [Benchmark(Description = "ValidateRegistryToken, first time (uncached)")]
    public Task<RegistryGrant?> ValidateRegistryTokenFirstTime() =>
        _tokens.ValidateRegistryTokenAsync(_fresh[_next++], TokenSamples.Service, CancellationToken.None);
}
