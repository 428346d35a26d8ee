using BenchmarkDotNet.Attributes;
using Registry.Core.Oci;

namespace Gallery.Microbench.Oci;

/// <summary>sha256 digests: a manifest-sized body in one call, a layer in one call, and a layer as uploads hash it (64 KiB appends).</summary>
[MemoryDiagnoser]
public class DigestBenchmarks
{
    private const int AppendSize = 64 * 1024;

    private byte[] _kibibyte = [];
    private byte[] _mebibyte = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _kibibyte = new byte[1024];
        _mebibyte = new byte[1024 * 1024];
        random.NextBytes(_kibibyte);
        random.NextBytes(_mebibyte);
    }

    [Benchmark(Description = "Digest.Compute 1 KiB")]
    public Digest Compute1KiB() => Digest.Compute(_kibibyte);

    [Benchmark(Description = "Digest.Compute 1 MiB")]
    public Digest Compute1MiB() => Digest.Compute(_mebibyte);

    [Benchmark(Description = "IncrementalHash 1 MiB in 64 KiB appends")]
    public Digest Incremental1MiB()
    {
        using var hash = Digest.CreateHash(Digest.Sha256);
        for (var offset = 0; offset < _mebibyte.Length; offset += AppendSize)
        {
            hash.AppendData(_mebibyte, offset, AppendSize);
        }

        return Digest.FromHash(Digest.Sha256, hash.GetHashAndReset());
    }
}
