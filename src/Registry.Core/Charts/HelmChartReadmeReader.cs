using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Registry.Core.Charts;

/// <summary>
/// Finds a chart's own README (<c>&lt;chart&gt;/README.md</c>, not a subchart's) in its gzipped tar, streaming: nothing
/// is written to disk, at most <paramref name="maxScanBytes"/> are read (compressed and uncompressed each), and the
/// README is cut at <paramref name="maxReadmeBytes"/>. A hostile or broken archive gives a reason, never an exception.
/// </summary>
public sealed class HelmChartReadmeReader(long maxScanBytes, int maxReadmeBytes)
{
    public sealed record Readme(string? Text, string? Problem);

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public async Task<Readme> ReadAsync(Stream chartArchive, CancellationToken cancellationToken)
    {
        try
        {
            await using var compressed = new CappedReadStream(chartArchive, maxScanBytes, "compressed bytes");
            await using var gzip = new GZipStream(compressed, CompressionMode.Decompress);
            await using var tar = new CappedReadStream(gzip, maxScanBytes, "bytes");
            await using var reader = new TarReader(tar);
            while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
            {
                if (IsChartReadme(entry))
                {
                    return new Readme(await ReadTextAsync(entry, cancellationToken), null);
                }
            }

            return new Readme(null, null);
        }
        catch (ChartArchiveException e)
        {
            return new Readme(null, e.Message);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException or ArgumentException or IOException)
        {
            return new Readme(null, "the chart archive is not a readable gzipped tar");
        }
    }

    /// <summary>A regular file at <c>&lt;one directory&gt;/README.md</c>, as <c>helm package</c> lays a chart out.</summary>
    private static bool IsChartReadme(TarEntry entry)
    {
        if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile))
        {
            return false;
        }

        var name = entry.Name.TrimStart('.', '/');
        var slash = name.IndexOf('/');
        return slash > 0 && string.Equals(name[(slash + 1)..], "README.md", StringComparison.OrdinalIgnoreCase);
    }

    private async Task<string?> ReadTextAsync(TarEntry entry, CancellationToken cancellationToken)
    {
        if (entry.DataStream is not { } data)
        {
            return null;
        }

        var buffer = new byte[(int)Math.Min(entry.Length, maxReadmeBytes)];
        var read = 0;
        while (read < buffer.Length && await data.ReadAsync(buffer.AsMemory(read), cancellationToken) is var n and > 0)
        {
            read += n;
        }

        return ChartText.Clean(Utf8.GetString(buffer, 0, read), maxReadmeBytes);
    }
}
