using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Registry.Core.Data;

namespace Registry.Core.Access.KeyRing;

/// <summary>
/// At start, after migrations and before any key is used: checks that the key ring in the database was encrypted
/// with this key file, and encrypts the keys an earlier version stored in clear (existing installs keep their keys,
/// so their tokens and access keys keep working).
/// </summary>
internal sealed class KeyRingProtection(IServiceScopeFactory scopes, KeyRingKey key, ILogger<KeyRingProtection> logger) : IHostedLifecycleService
{
    private static readonly XNamespace DataProtection = "http://schemas.asp.net/2015/03/dataProtection";
    private static readonly XName RequiresEncryption = DataProtection + "requiresEncryption";
    private static readonly XName EncryptedSecret = DataProtection + "encryptedSecret";
    private static readonly XName DecryptorType = "decryptorType";

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var encryptor = new KeyFileXmlEncryptor(key);
        var protectedNow = 0;
        foreach (var row in await db.DataProtectionKeys.ToListAsync(cancellationToken))
        {
            var element = XElement.Parse(row.Xml ?? "<key />");
            CheckFingerprints(element);
            if (Protect(element, encryptor))
            {
                row.Xml = element.ToString(SaveOptions.DisableFormatting);
                protectedNow++;
            }
        }

        if (protectedNow > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogWarning("Encrypted {Count} data-protection key(s) stored in clear by an earlier version with the key ring key file {Path}", protectedNow, key.Path);
        }
    }

    private void CheckFingerprints(XElement element)
    {
        var ours = typeof(KeyFileXmlDecryptor).FullName!;
        foreach (var secret in element.Descendants(EncryptedSecret))
        {
            var isOurs = ((string?)secret.Attribute(DecryptorType))?.StartsWith(ours + ",", StringComparison.Ordinal) == true;
            var fingerprint = (string?)secret.Element(KeyFileXmlEncryptor.ElementName)?.Attribute(KeyFileXmlEncryptor.FingerprintAttribute);
            if (isOurs && fingerprint != key.Fingerprint)
            {
                throw new KeyRingException(KeyFileXmlEncryptor.WrongKeyMessage(key, fingerprint));
            }
        }
    }

    /// <summary>Replaces each element marked requiresEncryption with its encrypted form, as data protection does for new keys.</summary>
    private static bool Protect(XElement element, KeyFileXmlEncryptor encryptor)
    {
        var clear = element.DescendantsAndSelf().Where(e => (bool?)e.Attribute(RequiresEncryption) == true).ToList();
        foreach (var secret in clear)
        {
            var encrypted = encryptor.Encrypt(new XElement(secret));
            secret.ReplaceWith(new XElement(EncryptedSecret,
                new XAttribute(DecryptorType, encrypted.DecryptorType.AssemblyQualifiedName!),
                encrypted.EncryptedElement));
        }

        return clear.Count > 0;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
