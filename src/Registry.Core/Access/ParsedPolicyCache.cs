using Microsoft.Extensions.Caching.Memory;
using Registry.Core.Access.Policies;

namespace Registry.Core.Access;

/// <summary>Parsed repository policies by their text. Stored policies were validated when set, so a push does not re-parse.</summary>
public sealed class ParsedPolicyCache : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    /// <summary>
    /// The parsed policy, or null for none. Text that no longer parses (stored under older rules) also counts as none:
    /// the repository falls back to owner-only access rather than refusing every request.
    /// </summary>
    public PolicyDocument? Get(string? policyText) =>
        policyText is null
            ? null
            : _cache.GetOrCreate(policyText, entry =>
            {
                entry.SlidingExpiration = TimeSpan.FromMinutes(10);
                entry.Size = 1;
                try
                {
                    return PolicyParser.Parse(policyText);
                }
                catch (PolicyException)
                {
                    return null;
                }
            });

    public void Dispose() => _cache.Dispose();
}
