namespace Registry.Core.Http.Distribution;

/// <summary>
/// A pull rate with its burst, as a generic cell rate algorithm (GCRA, the token bucket kept as one number): each pull
/// moves the bucket's "theoretical arrival time" one <see cref="Interval"/> on from now (or from where it was, if
/// later); a pull is allowed while that time stays within <see cref="Window"/> of now. So an idle caller gets
/// <c>burst</c> pulls at once, then one per interval. Both stores (<see cref="IPullBuckets"/>) follow this one rule;
/// the PostgreSQL store writes the same arithmetic as one SQL statement.
/// </summary>
public readonly record struct PullAllowance(double PerSecond, int Burst)
{
    public double Interval => 1 / PerSecond;

    public double Window => Math.Max(1, Burst) * Interval;

    /// <summary>The bucket after one more pull at <paramref name="now"/> (seconds), or, when refused, how long until one would be allowed.</summary>
    public (bool Allowed, double ArrivalTime, double RetryAfterSeconds) Take(double arrivalTime, double now)
    {
        var next = Math.Max(arrivalTime, now) + Interval;
        return next - now <= Window ? (true, next, 0) : (false, arrivalTime, next - Window - now);
    }
}
