using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Gallery.Testing.OciLayouts;

/// <summary>A real filesystem layer: a tar of a directory, a text file and a binary file, gzip'd; deterministic for a seed.</summary>
internal sealed record TarLayer(byte[] Compressed, string DiffId)
{
    private static readonly DateTimeOffset Timestamp = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);

    /// <param name="dataBytes">The size of the layer's binary file; by default 16 KiB times (index + 1).</param>
    public static TarLayer Create(string seed, int index, int? dataBytes = null)
    {
        var size = dataBytes ?? 16 * 1024 * (index + 1);
        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Ustar, leaveOpen: true))
        {
            var directory = $"layer{index}/";
            writer.WriteEntry(new UstarTarEntry(TarEntryType.Directory, directory) { ModificationTime = Timestamp, Mode = Mode("755") });
            WriteFile(writer, directory + "seed.txt", Encoding.UTF8.GetBytes($"seed {seed}, layer {index}\n"));
            // Incompressible bytes keep the layer from shrinking to nothing: uploads of a realistic shape.
            WriteFile(writer, directory + "data.bin", SeededBytes.Create($"{seed}/layer/{index}", size));
        }

        var uncompressed = tar.ToArray();
        using var gzip = new MemoryStream();
        using (var compressor = new GZipStream(gzip, size > 1024 * 1024 ? CompressionLevel.Fastest : CompressionLevel.Optimal, leaveOpen: true))
        {
            compressor.Write(uncompressed);
        }

        return new TarLayer(gzip.ToArray(), "sha256:" + Convert.ToHexStringLower(SHA256.HashData(uncompressed)));
    }

    private static void WriteFile(TarWriter writer, string name, byte[] content)
    {
        var entry = new UstarTarEntry(TarEntryType.RegularFile, name)
        {
            ModificationTime = Timestamp,
            Mode = Mode("644"),
            DataStream = new MemoryStream(content),
        };
        writer.WriteEntry(entry);
    }

    private static UnixFileMode Mode(string octal) => (UnixFileMode)Convert.ToInt32(octal, 8);
}
