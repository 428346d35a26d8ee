using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Registry.Core.Http.Distribution;

/// <summary>
/// What a blob GET asks for (RFC 9110 §14): the whole blob, one byte range of it, or a range it cannot have (416).
/// As ASP.NET's static files do, a Range that is malformed, in another unit, lists several ranges, or fails its
/// If-Range is ignored (the whole blob, 200), and so is any Range on an empty blob.
/// </summary>
internal readonly record struct BlobRange(long Start, long Length, bool IsPartial, bool IsUnsatisfiable)
{
    public static BlobRange Whole(long size) => new(0, size, IsPartial: false, IsUnsatisfiable: false);

    public static BlobRange Read(HttpRequest request, long size, string etag)
    {
        var header = request.Headers.Range;
        if (header.Count != 1 || size == 0
            || !RangeHeaderValue.TryParse(header.ToString(), out var range)
            || !string.Equals(range.Unit.Value, "bytes", StringComparison.OrdinalIgnoreCase)
            || range.Ranges.Count != 1
            || !IfRangeHolds(request, etag))
        {
            return Whole(size);
        }

        var item = range.Ranges.First();
        long start, end;
        if (item.From is { } from)
        {
            start = from;
            end = Math.Min(item.To ?? long.MaxValue, size - 1);
        }
        else
        {
            // bytes=-N: the last N bytes.
            var suffix = item.To ?? 0;
            start = Math.Max(size - suffix, 0);
            end = suffix == 0 ? -1 : size - 1;
        }

        return start >= size || end < start
            ? new BlobRange(0, 0, IsPartial: false, IsUnsatisfiable: true)
            : new BlobRange(start, end - start + 1, IsPartial: true, IsUnsatisfiable: false);
    }

    /// <summary>If-Range with the blob's own entity tag (strong comparison); a date or another tag means "send it all".</summary>
    private static bool IfRangeHolds(HttpRequest request, string etag)
    {
        var ifRange = request.Headers.IfRange;
        return ifRange.Count == 0
            || (EntityTagHeaderValue.TryParse(ifRange.ToString(), out var tag) && tag.Compare(EntityTagHeaderValue.Parse(etag), useStrongComparison: true));
    }
}
