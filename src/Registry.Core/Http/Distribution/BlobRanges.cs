using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Registry.Core.Storage;

namespace Registry.Core.Http.Distribution;

/// <summary>What a blob GET's <c>Range</c> header asks for, against the blob's size.</summary>
internal static class BlobRanges
{
    public enum Outcome
    {
        /// <summary>No Range, a malformed one, one in another unit, or several ranges: the whole blob (HTTP lets us ignore it).</summary>
        Whole,
        Partial,
        Unsatisfiable,
    }

    public static Outcome Resolve(HttpRequest request, long size, out ByteRange range)
    {
        range = default;
        if (request.Headers.Range.Count == 0
            || !RangeHeaderValue.TryParse(request.Headers.Range.ToString(), out var header)
            || !string.Equals(header.Unit.Value, "bytes", StringComparison.OrdinalIgnoreCase)
            || header.Ranges.Count != 1)
        {
            return Outcome.Whole;
        }

        var item = header.Ranges.First();
        long from, last;
        if (item.From is null)
        {
            // A suffix: the last N bytes.
            if (item.To is not > 0 || size == 0)
            {
                return Outcome.Unsatisfiable;
            }

            from = Math.Max(0, size - item.To.Value);
            last = size - 1;
        }
        else
        {
            from = item.From.Value;
            if (from >= size)
            {
                return Outcome.Unsatisfiable;
            }

            last = Math.Min(item.To ?? size - 1, size - 1);
        }

        range = new ByteRange(from, last - from + 1);
        return Outcome.Partial;
    }
}
