using Registry.Core.Http.Transport;

namespace Registry.Core.Tests.Http.Transport;

/// <summary>The memory pool Kestrel receives into: whole 64 KiB blocks, reused once, never handed out twice.</summary>
public sealed class ReceiveBlockPoolTests
{
    [Fact]
    public void Every_block_is_a_whole_block_whatever_is_asked()
    {
        using var pool = new ReceiveBlockPoolFactory().Create();
        Assert.Equal(ReceiveBlockPoolFactory.BlockSize, pool.MaxBufferSize);
        using var small = pool.Rent(1);
        using var any = pool.Rent();
        Assert.Equal(ReceiveBlockPoolFactory.BlockSize, small.Memory.Length);
        Assert.Equal(ReceiveBlockPoolFactory.BlockSize, any.Memory.Length);
    }

    [Fact]
    public void More_than_a_block_is_refused()
    {
        using var pool = new ReceiveBlockPoolFactory().Create();
        Assert.Throws<ArgumentOutOfRangeException>(() => pool.Rent(ReceiveBlockPoolFactory.BlockSize + 1));
    }

    [Fact]
    public void A_returned_block_is_reused_and_a_second_dispose_does_not_return_it_again()
    {
        using var pool = new ReceiveBlockPoolFactory().Create();
        var first = pool.Rent();
        first.Dispose();
        first.Dispose();
        var again = pool.Rent();
        var other = pool.Rent();
        Assert.Same(first, again);
        Assert.NotSame(again, other);
        Assert.False(again.Memory.Span.Overlaps(other.Memory.Span));
    }
}
