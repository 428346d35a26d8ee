using Microsoft.Extensions.Caching.Memory;
using Registry.Core.Access.Policies;

namespace Registry.Core.Access;

/// <summary>Parsed repository policies by their text. Stored policies were validated when set, so a push does not re-parse.</summary>
public sealed class ParsedPolicyCache : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    public PolicyDocument? Get(string? policyText) =>
        policyText is null
            ? null
            : _cache.GetOrCreate(policyText, entry =>
            {
                entry.SlidingExpiration = TimeSpan.FromMinutes(10);
                entry.Size = 1;
                return PolicyParser.Parse(policyText);
            });

    public void Dispose() => _cache.Dispose();
}
