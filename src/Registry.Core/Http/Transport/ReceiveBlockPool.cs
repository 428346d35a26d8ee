using System.Buffers;
using System.Collections.Concurrent;
using Microsoft.AspNetCore.Connections;

namespace Registry.Core.Http.Transport;

/// <summary>
/// Kestrel's memory pool with 64 KiB blocks instead of its own 4 KiB ones. Kestrel receives into one pool block at a
/// time, so with 4 KiB blocks a pushed layer arrived 4 KiB per <c>recvfrom</c> (two syscalls each, with the zero-byte
/// read that waits for data): a 16 MiB push took about 8,200 calls, and as many wake-ups of the body reader; with
/// 64 KiB blocks (a loopback TCP segment) about 550. Idle keep-alive connections still hold no block (Kestrel waits
/// for data before it rents one); a block is held only while bytes are in flight, so memory stays bounded by the
/// connections that are moving bytes.
/// </summary>
public sealed class ReceiveBlockPoolFactory : IMemoryPoolFactory<byte>
{
    public const int BlockSize = 64 * 1024;

    /// <summary>
    /// Free blocks kept for reuse per pool (16 MiB; Kestrel makes one pool per I/O queue, at most 16); blocks freed
    /// beyond that are left to the GC, so a burst of uploads does not pin its peak for good.
    /// </summary>
    private const int MaxRetainedBlocks = 256;

    public MemoryPool<byte> Create(MemoryPoolOptions? options = null) => new ReceiveBlockPool(BlockSize, MaxRetainedBlocks);
}

/// <summary>Fixed-size pinned blocks (sockets read into them), reused while at most a given number are free.</summary>
internal sealed class ReceiveBlockPool(int blockSize, int maxRetained) : MemoryPool<byte>
{
    private readonly ConcurrentQueue<Block> _free = new();
    private int _freeCount;

    public override int MaxBufferSize => blockSize;

    public override IMemoryOwner<byte> Rent(int minBufferSize = -1)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minBufferSize, blockSize);
        if (_free.TryDequeue(out var block))
        {
            Interlocked.Decrement(ref _freeCount);
            block.Rented();
            return block;
        }

        return new Block(this, GC.AllocateUninitializedArray<byte>(blockSize, pinned: true));
    }

    protected override void Dispose(bool disposing) => _free.Clear();

    private void Return(Block block)
    {
        if (Interlocked.Increment(ref _freeCount) <= maxRetained)
        {
            _free.Enqueue(block);
        }
        else
        {
            Interlocked.Decrement(ref _freeCount);
        }
    }

    private sealed class Block(ReceiveBlockPool pool, byte[] array) : IMemoryOwner<byte>
    {
        private int _returned;

        public Memory<byte> Memory { get; } = array;

        public void Rented() => _returned = 0;

        public void Dispose()
        {
            // Once only: a second Dispose must not put the block in the pool twice.
            if (Interlocked.Exchange(ref _returned, 1) == 0)
            {
                pool.Return(this);
            }
        }
    }
}
