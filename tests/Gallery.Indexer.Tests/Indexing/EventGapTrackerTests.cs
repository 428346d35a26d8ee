using Gallery.Indexer.Indexing;

namespace Gallery.Indexer.Tests.Indexing;

public sealed class EventGapTrackerTests
{
    private readonly ManualTime _time = new();

    private EventGapTracker Tracker(long position) => new(position, new Dictionary<long, DateTimeOffset>(), TimeSpan.FromSeconds(60), TimeSpan.FromDays(30), _time);

    [Fact]
    public void Ids_in_order_move_the_position()
    {
        var tracker = Tracker(0);
        tracker.Observe([1, 2, 3]);
        Assert.Equal(3, tracker.Position);
        Assert.Empty(tracker.Missing);
    }

    [Fact]
    public void A_missing_id_holds_the_position_until_it_appears()
    {
        var tracker = Tracker(10);
        tracker.Observe([11, 13, 14]);
        Assert.Equal([12L], tracker.Missing);
        Assert.Equal(11, tracker.Position);
        Assert.Equal(14, tracker.MaxSeen);

        tracker.Observe([12]);
        Assert.Empty(tracker.Missing);
        Assert.Equal(14, tracker.Position);
    }

    [Fact]
    public void After_the_timeout_a_missing_id_no_longer_holds_the_position_but_is_still_asked_for()
    {
        var tracker = Tracker(0);
        tracker.Observe([1, 4]);
        _time.Advance(TimeSpan.FromSeconds(59));
        tracker.Expire();
        Assert.Equal(1, tracker.Position);

        _time.Advance(TimeSpan.FromSeconds(2));
        tracker.Expire();
        Assert.Equal(4, tracker.Position);
        Assert.Equal([2L, 3L], tracker.Missing);
        Assert.Equal([2L, 3L], tracker.Late.Keys);
        Assert.Equal(1, tracker.Passed);

        tracker.Observe([3]);
        Assert.Equal([2L], tracker.Missing);
        Assert.Equal(1, tracker.Passed);
        tracker.Observe([2]);
        Assert.Empty(tracker.Missing);
        Assert.Equal(4, tracker.Passed);
    }

    [Fact]
    public void Late_ids_handed_over_by_a_restart_are_asked_for_until_the_retention_passes()
    {
        var missedAt = _time.GetUtcNow();
        var tracker = new EventGapTracker(10, new Dictionary<long, DateTimeOffset> { [7] = missedAt }, TimeSpan.FromSeconds(60), TimeSpan.FromDays(1), _time);
        Assert.Equal(10, tracker.Position);
        Assert.Equal(6, tracker.Passed);
        Assert.Equal([7L], tracker.Missing);

        _time.Advance(TimeSpan.FromHours(23));
        tracker.Expire();
        Assert.Equal([7L], tracker.Missing);

        _time.Advance(TimeSpan.FromHours(2));
        tracker.Expire();
        Assert.Empty(tracker.Missing);
        Assert.Equal(10, tracker.Passed);
    }

    [Fact]
    public void A_huge_jump_tracks_only_the_ids_just_below()
    {
        var tracker = Tracker(0);
        tracker.Observe([1_000_000]);
        Assert.Equal(EventGapTracker.MaxTrackedGap, tracker.Missing.Count());
        Assert.Equal(1_000_000 - EventGapTracker.MaxTrackedGap - 1, tracker.Position);
    }
}

/// <summary>A clock that moves only when told.</summary>
internal sealed class ManualTime : TimeProvider
{
    private DateTimeOffset _now = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
