using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Registry.Core.Repositories;

/// <summary>The inclusive byte range a chunk claims: <c>start-end</c>, as the OCI spec writes it (a "bytes " prefix and "/total" are tolerated).</summary>
public readonly record struct ContentRange(long Start, long End)
{
    public long Length => End - Start + 1;

    public static bool TryParse(string? header, [NotNullWhen(true)] out ContentRange? range)
    {
        range = null;
        if (string.IsNullOrWhiteSpace(header))
        {
            return false;
        }

        var text = header.Trim();
        if (text.StartsWith("bytes", StringComparison.OrdinalIgnoreCase))
        {
            text = text[5..].TrimStart(' ', '=');
        }

        var slash = text.IndexOf('/');
        if (slash >= 0)
        {
            text = text[..slash];
        }

        var dash = text.IndexOf('-');
        if (dash <= 0
            || !long.TryParse(text[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            || !long.TryParse(text[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var end)
            || end < start)
        {
            return false;
        }

        range = new ContentRange(start, end);
        return true;
    }
}
