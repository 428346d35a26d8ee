using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace Registry.Core.Access.KeyRing;

/// <summary>
/// Encrypts each data-protection key's secret with the key file's key (AES-256-GCM) before it is stored:
/// <c>&lt;encryptedKey keyFile="fingerprint"&gt;&lt;value&gt;base64(nonce | tag | ciphertext)&lt;/value&gt;&lt;/encryptedKey&gt;</c>.
/// </summary>
internal sealed class KeyFileXmlEncryptor(KeyRingKey key) : IXmlEncryptor
{
    internal const string ElementName = "encryptedKey";
    internal const string FingerprintAttribute = "keyFile";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = new byte[NonceBytes + TagBytes + plaintext.Length];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(key.Key, TagBytes))
        {
            aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes));
        }

        CryptographicOperations.ZeroMemory(plaintext);
        var element = new XElement(ElementName,
            new XAttribute(FingerprintAttribute, key.Fingerprint),
            new XComment(" encrypted with the key ring key file (Gallery:KeyRing:KeyFile) "),
            new XElement("value", Convert.ToBase64String(sealedBytes)));
        return new EncryptedXmlInfo(element, typeof(KeyFileXmlDecryptor));
    }

    internal static XElement Decrypt(KeyRingKey key, XElement encryptedElement)
    {
        var fingerprint = (string?)encryptedElement.Attribute(FingerprintAttribute);
        if (fingerprint != key.Fingerprint)
        {
            throw new KeyRingException(WrongKeyMessage(key, fingerprint));
        }

        var sealedBytes = Convert.FromBase64String((string?)encryptedElement.Element("value") ?? "");
        var plaintext = new byte[sealedBytes.Length - NonceBytes - TagBytes];
        using (var aes = new AesGcm(key.Key, TagBytes))
        {
            aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), plaintext);
        }

        try
        {
            return XElement.Parse(Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    internal static string WrongKeyMessage(KeyRingKey key, string? fingerprint) =>
        $"Gallery:KeyRing:KeyFile: the key ring in the database was encrypted with another key file (fingerprint {fingerprint ?? "none"}) "
        + $"than {key.Path} (fingerprint {key.Fingerprint}); use the key file this database was created with (every node needs the same one)";
}

/// <summary>Created by data protection (by type name, with the service provider) to read keys <see cref="KeyFileXmlEncryptor"/> wrote.</summary>
internal sealed class KeyFileXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) =>
        KeyFileXmlEncryptor.Decrypt(services.GetRequiredService<KeyRingKey>(), encryptedElement);
}
