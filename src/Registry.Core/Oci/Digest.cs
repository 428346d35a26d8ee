using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Registry.Core.Oci;

/// <summary>A content digest, <c>algorithm:hex</c>. Only sha256 and sha512 are accepted; both are verified.</summary>
public readonly record struct Digest
{
    public const string Sha256 = "sha256";
    public const string Sha512 = "sha512";

    private Digest(string algorithm, string hex)
    {
        Algorithm = algorithm;
        Hex = hex;
    }

    public string Algorithm { get; }

    public string Hex { get; }

    public override string ToString() => $"{Algorithm}:{Hex}";

    public static Digest Parse(string value) =>
        TryParse(value, out var digest, out var error) ? digest : throw new FormatException(error);

    public static bool TryParse(string? value, out Digest digest, [NotNullWhen(false)] out string? error)
    {
        digest = default;
        if (string.IsNullOrEmpty(value))
        {
            error = "a digest is required, as algorithm:hex";
            return false;
        }

        var colon = value.IndexOf(':');
        if (colon <= 0)
        {
            error = $"'{DisplayText.Shorten(value)}' is not a digest; expected algorithm:hex, e.g. sha256:<64 hex digits>";
            return false;
        }

        var algorithm = value[..colon];
        var hex = value[(colon + 1)..];
        var expectedLength = algorithm switch
        {
            Sha256 => 64,
            Sha512 => 128,
            _ => 0,
        };
        if (expectedLength == 0)
        {
            error = $"digest algorithm '{DisplayText.Shorten(algorithm)}' is not supported; use sha256 or sha512";
            return false;
        }

        if (hex.Length != expectedLength || !hex.All(IsLowerHex))
        {
            error = $"a {algorithm} digest is {expectedLength} lowercase hex digits";
            return false;
        }

        digest = new Digest(algorithm, hex);
        error = null;
        return true;
    }

    public static Digest FromHash(string algorithm, byte[] hash) => new(algorithm, Convert.ToHexStringLower(hash));

    public static Digest Compute(ReadOnlySpan<byte> content, string algorithm = Sha256) =>
        FromHash(algorithm, algorithm == Sha512 ? SHA512.HashData(content) : SHA256.HashData(content));

    public IncrementalHash CreateHash() => CreateHash(Algorithm);

    public static IncrementalHash CreateHash(string algorithm) =>
        IncrementalHash.CreateHash(algorithm == Sha512 ? HashAlgorithmName.SHA512 : HashAlgorithmName.SHA256);

    private static bool IsLowerHex(char c) => c is >= '0' and <= '9' or >= 'a' and <= 'f';
}
