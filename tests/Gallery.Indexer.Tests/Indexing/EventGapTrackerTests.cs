using Gallery.Indexer.Indexing;

namespace Gallery.Indexer.Tests.Indexing;

public sealed class EventGapTrackerTests
{
    private readonly ManualTime _time = new();

    [Fact]
    public void Ids_in_order_move_the_position()
    {
        var tracker = new EventGapTracker(0, TimeSpan.FromSeconds(60), _time);
        tracker.Observe([1, 2, 3]);
        Assert.Equal(3, tracker.Position);
        Assert.Empty(tracker.Missing);
    }

    [Fact]
    public void A_missing_id_holds_the_position_until_it_appears()
    {
        var tracker = new EventGapTracker(10, TimeSpan.FromSeconds(60), _time);
        tracker.Observe([11, 13, 14]);
        Assert.Equal([12L], tracker.Missing);
        Assert.Equal(11, tracker.Position);
        Assert.Equal(14, tracker.MaxSeen);

        tracker.Observe([12]);
        Assert.Empty(tracker.Missing);
        Assert.Equal(14, tracker.Position);
    }

    [Fact]
    public void A_missing_id_is_given_up_after_the_timeout()
    {
        var tracker = new EventGapTracker(0, TimeSpan.FromSeconds(60), _time);
        tracker.Observe([1, 4]);
        _time.Advance(TimeSpan.FromSeconds(59));
        tracker.Expire();
        Assert.Equal(1, tracker.Position);

        _time.Advance(TimeSpan.FromSeconds(2));
        tracker.Expire();
        Assert.Equal(4, tracker.Position);
    }

    [Fact]
    public void A_huge_jump_tracks_only_the_ids_just_below()
    {
        var tracker = new EventGapTracker(0, TimeSpan.FromSeconds(60), _time);
        tracker.Observe([1_000_000]);
        Assert.Equal(EventGapTracker.MaxTrackedGap, tracker.Missing.Count);
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
