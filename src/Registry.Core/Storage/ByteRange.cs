namespace Registry.Core.Storage;

/// <summary>A part of a blob: <paramref name="Length"/> bytes from <paramref name="Offset"/>.</summary>
public readonly record struct ByteRange(long Offset, long Length)
{
    /// <summary>The last byte's offset, inclusive, as HTTP's Content-Range writes it.</summary>
    public long Last => Offset + Length - 1;
}
