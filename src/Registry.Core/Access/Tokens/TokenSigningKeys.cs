using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Registry.Core.Data;
using Registry.Core.Data.Entities;

namespace Registry.Core.Access.Tokens;

/// <summary>
/// The HMAC keys that sign registry tokens. Only this registry verifies its tokens, so a symmetric key is enough, and
/// it keeps verification cheap on every pull. Keys live in the database, encrypted, so all nodes and restarts agree;
/// a new key is made when the newest is older than the rotation interval. A replaced key keeps verifying only as long
/// as a token it signed can live, so a key that leaks later (an old backup) cannot mint tokens this registry accepts.
/// Each node reads the keys again every <see cref="ReloadInterval"/>, so when two nodes rotate at the same moment both
/// soon sign with the newest; the key it replaces verifies that much longer.
/// </summary>
public sealed class TokenSigningKeys(IServiceScopeFactory scopes, IDataProtectionProvider protection, IOptions<AccessOptions> options)
{
    internal const string Purpose = "Gallery.TokenSigningKeys.v1";

    /// <summary>The clock skew token validation allows; a replaced key verifies for this much longer.</summary>
    internal static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan ReloadInterval = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _lock = new(1, 1);
    private volatile IReadOnlyList<LoadedKey> _keys = [];
    private DateTime _newestCreatedAt;
    private DateTime _loadedAt;

    /// <summary>The key to sign with now: the newest, made or rotated on demand.</summary>
    public async Task<SymmetricSecurityKey> CurrentAsync(CancellationToken cancellationToken)
    {
        if (_keys.Count == 0 || DateTime.UtcNow - _newestCreatedAt > options.Value.SigningKeyRotation || DateTime.UtcNow - _loadedAt > ReloadInterval)
        {
            await ReloadAsync(createIfStale: true, cancellationToken);
        }

        return _keys[0].Key;
    }

    /// <summary>Every key that may have signed a live token; reloads once when a token names a key this node has not seen.</summary>
    public async Task<IReadOnlyList<SymmetricSecurityKey>> ForValidationAsync(string? keyId, CancellationToken cancellationToken)
    {
        if (_keys.Count == 0 || (keyId is not null && _keys.All(k => k.Key.KeyId != keyId)))
        {
            await ReloadAsync(createIfStale: false, cancellationToken);
        }

        var now = DateTime.UtcNow;
        return _keys.Where(k => k.VerifiesUntil > now).Select(k => k.Key).ToList();
    }

    private async Task ReloadAsync(bool createIfStale, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            var protector = protection.CreateProtector(Purpose);
            var rows = await db.SigningKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt).ThenByDescending(k => k.Id).ToListAsync(cancellationToken);
            if (createIfStale && (rows.Count == 0 || DateTime.UtcNow - rows[0].CreatedAt > options.Value.SigningKeyRotation))
            {
                var fresh = new SigningKey
                {
                    Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
                    ProtectedPrivateKey = protector.Protect(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))),
                    CreatedAt = DateTime.UtcNow,
                };
                db.SigningKeys.Add(fresh);
                await db.SaveChangesAsync(cancellationToken);
                rows.Insert(0, fresh);
            }

            var longestToken = options.Value.RegistryTokenLifetime > options.Value.AuthorizationTokenLifetime
                ? options.Value.RegistryTokenLifetime : options.Value.AuthorizationTokenLifetime;
            _keys = rows.Select((r, i) => new LoadedKey(
                    new SymmetricSecurityKey(Convert.FromBase64String(protector.Unprotect(r.ProtectedPrivateKey))) { KeyId = r.Id },
                    // A key signs until the next one is made (on every node within a reload); its last tokens expire the longest lifetime after that.
                    i == 0 ? DateTime.MaxValue : rows[i - 1].CreatedAt + ReloadInterval + longestToken + ClockSkew))
                .ToList();
            _newestCreatedAt = rows.Count > 0 ? rows[0].CreatedAt : DateTime.MinValue;
            _loadedAt = DateTime.UtcNow;
        }
        finally
        {
            _lock.Release();
        }
    }

    private sealed record LoadedKey(SymmetricSecurityKey Key, DateTime VerifiesUntil);
}
