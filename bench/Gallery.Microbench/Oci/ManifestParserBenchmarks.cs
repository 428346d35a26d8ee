using System.Text;
using BenchmarkDotNet.Attributes;
using Registry.Core.Oci;

namespace Gallery.Microbench.Oci;

/// <summary>ManifestParser.Parse on what docker and buildx push: a 3-layer OCI image manifest and a 6-platform OCI index.</summary>
[MemoryDiagnoser]
public class ManifestParserBenchmarks
{
    private byte[] _manifest = [];
    private byte[] _index = [];

    [GlobalSetup]
    public void Setup()
    {
        _manifest = Encoding.UTF8.GetBytes(ManifestSamples.ImageManifest);
        _index = Encoding.UTF8.GetBytes(ManifestSamples.ImageIndex);
    }

    [Benchmark(Description = "Parse OCI manifest, 3 layers")]
    public ParsedManifest ParseManifest() => ManifestParser.Parse(_manifest, MediaTypes.OciManifest);

    [Benchmark(Description = "Parse OCI index, 6 platforms")]
    public ParsedManifest ParseIndex() => ManifestParser.Parse(_index, MediaTypes.OciIndex);
}
