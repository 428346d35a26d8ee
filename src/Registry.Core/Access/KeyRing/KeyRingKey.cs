using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Registry.Core.Access.KeyRing;

/// <summary>
/// The 256-bit key that encrypts the data-protection key ring (which in turn encrypts token signing keys and access-key
/// secrets in the database). It is kept outside the database, so a copy of the database alone reveals no secret.
/// File format: the key in base64 on one line.
/// </summary>
public sealed class KeyRingKey
{
    private const int KeyBytes = 32;

    public KeyRingKey(IOptions<KeyRingOptions> options, IOptions<RegistryOptions> registry)
        : this(options.Value.ResolveKeyFile(registry.Value), mayCreate: string.IsNullOrWhiteSpace(options.Value.KeyFile))
    {
    }

    public KeyRingKey(string path, bool mayCreate)
    {
        Path = path;
        Key = File.Exists(path) || !mayCreate ? Read(path) : Create(path);
        Fingerprint = Convert.ToHexStringLower(SHA256.HashData(Key))[..16];
    }

    public string Path { get; }

    /// <summary>Names the key without revealing it: recorded beside each encrypted key so a wrong key file is told apart from damage.</summary>
    public string Fingerprint { get; }

    internal byte[] Key { get; }

    private static byte[] Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KeyRingException($"Gallery:KeyRing:KeyFile: cannot read the key ring's key file {path} ({e.Message})");
        }

        var key = new byte[KeyBytes];
        if (!Convert.TryFromBase64String(text, key, out var length) || length != KeyBytes)
        {
            throw new KeyRingException($"Gallery:KeyRing:KeyFile: {path} does not hold a key ring key ({KeyBytes} bytes in base64)");
        }

        return key;
    }

    private static byte[] Create(string path)
    {
        var key = RandomNumberGenerator.GetBytes(KeyBytes);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new FileStream(path, options))
        using (var writer = new StreamWriter(file))
        {
            writer.WriteLine(Convert.ToBase64String(key));
            writer.Flush();
            file.Flush(flushToDisk: true);
        }

        return key;
    }
}

/// <summary>The key ring cannot be used as configured; the message names the setting and what to do.</summary>
public sealed class KeyRingException(string message) : Exception(message);
