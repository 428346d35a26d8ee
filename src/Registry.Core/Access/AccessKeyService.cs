using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Data;
using Registry.Core.Data.Entities;

namespace Registry.Core.Access;

/// <summary>Access keys for API clients: created with a secret shown once, stored encrypted, revocable.</summary>
public sealed class AccessKeyService(RegistryDbContext db, IDataProtectionProvider protection)
{
    public const string Purpose = "Gallery.AccessKeys.v1";
    public const int MaxDescriptionLength = 200;
    private const string IdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const string SecretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /// <summary>How often a key's last use is written at most: a use within this of the one written adds no write.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(5);

    public sealed record CreatedKey(string AccessKeyId, string SecretAccessKey);

    /// <summary>A key as its owner sees it in the console; never its secret.</summary>
    public sealed record KeySummary(string AccessKeyId, string? Description, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? RevokedAt);

    /// <summary>An active key: who it belongs to and the secret that verifies its signatures.</summary>
    public sealed record ActiveKey(string AccessKeyId, string AccountId, string Secret);

    private IDataProtector Protector => protection.CreateProtector(Purpose);

    /// <summary>Creates a key with a random id and secret, or with the given ones (configuration bootstrap).</summary>
    public async Task<CreatedKey> CreateAsync(string accountId, string? description, CancellationToken cancellationToken,
        string? accessKeyId = null, string? secretAccessKey = null)
    {
        if (description is { Length: > MaxDescriptionLength })
        {
            throw new PublisherException($"the key's description is at most {MaxDescriptionLength} characters");
        }

        accessKeyId ??= "GK" + RandomNumberGenerator.GetString(IdAlphabet, 18);
        secretAccessKey ??= RandomNumberGenerator.GetString(SecretAlphabet, 40);
        db.AccessKeys.Add(new AccessKey
        {
            Id = accessKeyId,
            AccountId = accountId,
            ProtectedSecret = Protector.Protect(secretAccessKey),
            Description = description,
            CreatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new CreatedKey(accessKeyId, secretAccessKey);
    }

    /// <summary>
    /// The key if it exists, is not revoked, and its account is not suspended: a use of the key, noted as its last use
    /// (to <see cref="LastUsedResolution"/>).
    /// </summary>
    public async Task<ActiveKey?> FindActiveAsync(string accessKeyId, CancellationToken cancellationToken)
    {
        var key = await db.AccessKeys.AsNoTracking()
            .Where(k => k.Id == accessKeyId && k.RevokedAt == null && !k.Account.Suspended)
            .Select(k => new { k.Id, k.AccountId, k.ProtectedSecret, k.LastUsedAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (key is null)
        {
            return null;
        }

        ActiveKey active;
        try
        {
            active = new ActiveKey(key.Id, key.AccountId, Protector.Unprotect(key.ProtectedSecret));
        }
        catch (CryptographicException)
        {
            // Encrypted with a data-protection key this installation no longer has: unusable, like a revoked key.
            return null;
        }

        var now = DateTime.UtcNow;
        if (key.LastUsedAt is not { } last || now - last >= LastUsedResolution)
        {
            // Conditional, so that nodes seeing the same key at once write it once.
            var stale = now - LastUsedResolution;
            await db.AccessKeys.Where(k => k.Id == key.Id && (k.LastUsedAt == null || k.LastUsedAt <= stale))
                .ExecuteUpdateAsync(k => k.SetProperty(x => x.LastUsedAt, now), cancellationToken);
        }

        return active;
    }

    /// <summary>Whether the account's key is still usable (the check <see cref="FindActiveAsync"/> makes, without decrypting the secret).</summary>
    public Task<bool> IsActiveAsync(string accessKeyId, string accountId, CancellationToken cancellationToken) =>
        db.AccessKeys.AnyAsync(k => k.Id == accessKeyId && k.AccountId == accountId && k.RevokedAt == null && !k.Account.Suspended, cancellationToken);

    public Task<List<KeySummary>> ListAsync(string accountId, CancellationToken cancellationToken) =>
        db.AccessKeys.AsNoTracking().Where(k => k.AccountId == accountId).OrderByDescending(k => k.CreatedAt)
            .Select(k => new KeySummary(k.Id, k.Description, k.CreatedAt, k.LastUsedAt, k.RevokedAt)).ToListAsync(cancellationToken);

    /// <summary>Revokes one of the account's keys; false when it has no such key.</summary>
    public async Task<bool> RevokeAsync(string accountId, string accessKeyId, CancellationToken cancellationToken) =>
        await db.AccessKeys.Where(k => k.Id == accessKeyId && k.AccountId == accountId && k.RevokedAt == null)
            .ExecuteUpdateAsync(k => k.SetProperty(x => x.RevokedAt, DateTime.UtcNow), cancellationToken) > 0;
}
