namespace Gallery.Bench.Measure;

/// <summary>
/// Samples a process's resident set (VmRSS in /proc/&lt;pid&gt;/status) on its own thread at a fixed interval, from
/// a baseline taken at start to the peak seen before stop.
/// </summary>
public sealed class RssSampler : IDisposable
{
    private readonly int _processId;
    private readonly TimeSpan _interval;
    private readonly Thread _thread;
    private volatile bool _stopping;
    private long _peakKiB;

    private RssSampler(int processId, TimeSpan interval)
    {
        _processId = processId;
        _interval = interval;
        BaselineKiB = ReadKiB(processId);
        _peakKiB = BaselineKiB;
        _thread = new Thread(Sample) { IsBackground = true, Name = $"rss sampler {processId}" };
    }

    public long BaselineKiB { get; }

    public long PeakKiB => Interlocked.Read(ref _peakKiB);

    public int Samples { get; private set; }

    public double GrowthMiB => (PeakKiB - BaselineKiB) / 1024.0;

    public static RssSampler Start(int processId, TimeSpan interval)
    {
        var sampler = new RssSampler(processId, interval);
        sampler._thread.Start();
        return sampler;
    }

    /// <summary>VmRSS in KiB; 0 when the process is gone.</summary>
    public static long ReadKiB(int processId)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{processId}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }

        return 0;
    }

    public void Dispose()
    {
        _stopping = true;
        _thread.Join();
        Update(ReadKiB(_processId));
    }

    private void Sample()
    {
        while (!_stopping)
        {
            Update(ReadKiB(_processId));
            Samples++;
            Thread.Sleep(_interval);
        }
    }

    private void Update(long kib)
    {
        long peak;
        while (kib > (peak = Interlocked.Read(ref _peakKiB)) && Interlocked.CompareExchange(ref _peakKiB, kib, peak) != peak)
        {
        }
    }
}
