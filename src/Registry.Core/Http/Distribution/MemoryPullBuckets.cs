using System.Diagnostics;

namespace Registry.Core.Http.Distribution;

/// <summary>Pull allowances in this process: enough for a single node (the SQLite default). Full buckets are forgotten.</summary>
public sealed class MemoryPullBuckets : IPullBuckets
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, double> _arrivalTimes = new(StringComparer.Ordinal);
    private readonly System.Threading.Lock _lock = new();
    private readonly long _origin = Stopwatch.GetTimestamp();
    private double _nextSweep;

    public ValueTask<TimeSpan?> TakeAsync(string key, PullAllowance allowance, CancellationToken cancellationToken)
    {
        var now = Stopwatch.GetElapsedTime(_origin).TotalSeconds;
        lock (_lock)
        {
            if (now >= _nextSweep)
            {
                _nextSweep = now + SweepInterval.TotalSeconds;
                foreach (var full in _arrivalTimes.Where(kv => kv.Value <= now).Select(kv => kv.Key).ToList())
                {
                    _arrivalTimes.Remove(full);
                }
            }

            var (allowed, arrivalTime, retryAfter) = allowance.Take(_arrivalTimes.GetValueOrDefault(key), now);
            if (!allowed)
            {
                return ValueTask.FromResult<TimeSpan?>(TimeSpan.FromSeconds(retryAfter));
            }

            _arrivalTimes[key] = arrivalTime;
            return ValueTask.FromResult<TimeSpan?>(null);
        }
    }
}
