using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Gallery.Testing.HelmCharts;
using Registry.Core.Charts;

namespace Registry.Core.Tests.Charts;

/// <summary>The chart's own README from its archive, streaming and bounded; a broken or hostile archive gives a reason.</summary>
public sealed class HelmChartReadmeReaderTests
{
    private static readonly HelmChartReadmeReader Reader = new(maxScanBytes: 1024 * 1024, maxReadmeBytes: 1000);

    [Fact]
    public async Task Finds_the_charts_readme_not_a_subcharts()
    {
        var chart = new HelmChartPackage("demo", "1.0.0", readme: "# Demo\n\nInstall it with helm.");

        var readme = await Reader.ReadAsync(new MemoryStream(chart.Archive), CancellationToken.None);

        Assert.Equal(new HelmChartReadmeReader.Readme("# Demo\n\nInstall it with helm.", null), readme);
    }

    [Fact]
    public async Task A_chart_without_readme_has_none_and_no_problem()
    {
        var chart = new HelmChartPackage("demo", "1.0.0");
        Assert.Equal(new HelmChartReadmeReader.Readme(null, null), await Reader.ReadAsync(new MemoryStream(chart.Archive), CancellationToken.None));
    }

    [Fact]
    public async Task Cuts_a_long_readme()
    {
        var archive = HelmChartPackage.Gzip(HelmChartPackage.Tar(("demo/README.md", Encoding.UTF8.GetBytes(new string('x', 5000)))));
        var readme = await Reader.ReadAsync(new MemoryStream(archive), CancellationToken.None);
        Assert.Equal(1000, readme.Text!.Length);
    }

    [Fact]
    public async Task Stops_at_a_gzip_bomb()
    {
        // 8 MiB of zeros compress to a few KiB; the README would come after them.
        var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Ustar, leaveOpen: true))
        {
            writer.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, "demo/zeros") { DataStream = new ZeroStream(8L * 1024 * 1024) });
            writer.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, "demo/README.md") { DataStream = new MemoryStream("late"u8.ToArray()) });
        }

        var readme = await Reader.ReadAsync(new MemoryStream(HelmChartPackage.Gzip(tar.ToArray())), CancellationToken.None);

        Assert.Null(readme.Text);
        Assert.Contains("more than", readme.Problem);
    }

    public static TheoryData<string, byte[]> Broken => new()
    {
        { "not gzip", "plain text, not an archive"u8.ToArray() },
        { "gzip of junk", HelmChartPackage.Gzip(Enumerable.Range(0, 2000).Select(i => (byte)(i * 7)).ToArray()) },
        { "truncated gzip", new HelmChartPackage("demo", "1.0.0", readme: "# hi").Archive[..40] },
        { "empty", [] },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public async Task Says_why_an_archive_is_unreadable(string what, byte[] archive)
    {
        var readme = await Reader.ReadAsync(new MemoryStream(archive), CancellationToken.None);
        Assert.Null(readme.Text);
        Assert.True(readme.Problem is not null || what == "empty", what);
    }

    [Fact]
    public async Task A_link_named_readme_is_not_followed()
    {
        var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, "demo/README.md") { LinkName = "/etc/passwd" });
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "../README.md") { DataStream = new MemoryStream("escape"u8.ToArray()) });
        }

        Assert.Equal(new HelmChartReadmeReader.Readme(null, null), await Reader.ReadAsync(new MemoryStream(HelmChartPackage.Gzip(tar.ToArray())), CancellationToken.None));
    }

    /// <summary>Many empty deflate blocks: compressed bytes that never decompress to anything are bounded too.</summary>
    [Fact]
    public async Task Stops_reading_compressed_bytes_that_decompress_to_nothing()
    {
        var output = new MemoryStream();
        output.Write([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
        var emptyStoredBlock = new byte[] { 0x00, 0x00, 0x00, 0xff, 0xff };
        for (var i = 0; i < 300_000; i++)
        {
            output.Write(emptyStoredBlock);
        }

        var readme = await Reader.ReadAsync(new MemoryStream(output.ToArray()), CancellationToken.None);

        Assert.Null(readme.Text);
        Assert.NotNull(readme.Problem);
    }

    private sealed class ZeroStream(long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            Array.Clear(buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
