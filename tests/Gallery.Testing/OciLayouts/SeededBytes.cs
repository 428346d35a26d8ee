using System.Security.Cryptography;
using System.Text;

namespace Gallery.Testing.OciLayouts;

/// <summary>Pseudo-random bytes from a seed string: the same seed gives the same image; different seeds, different ones.</summary>
internal static class SeededBytes
{
    /// <summary>Incompressible bytes; fast enough for layers of tens of megabytes.</summary>
    public static byte[] Create(string seed, int length)
    {
        var result = new byte[length];
        new Random(Number(seed, int.MaxValue)).NextBytes(result);
        return result;
    }

    public static int Number(string seed, int maxExclusive) =>
        (int)(BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(seed)), 0) % (uint)maxExclusive);
}
