using System.Security.Cryptography;
using System.Text;

namespace Gallery.Testing.OciLayouts;

/// <summary>Deterministic pseudo-random bytes from a seed string (SHA-256 in counter mode): the same seed gives the same image.</summary>
internal static class SeededBytes
{
    public static byte[] Create(string seed, int length)
    {
        var result = new byte[length];
        var block = new byte[32];
        for (var counter = 0; counter * 32 < length; counter++)
        {
            SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}#{counter}"), block);
            block.AsSpan(0, Math.Min(32, length - counter * 32)).CopyTo(result.AsSpan(counter * 32));
        }

        return result;
    }

    public static int Number(string seed, int maxExclusive) =>
        (int)(BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(seed)), 0) % (uint)maxExclusive);
}
