namespace Registry.Core.Charts;

/// <summary>
/// Text from a chart (its config, its README) as the database may hold it: control characters other than line breaks
/// and tabs removed (PostgreSQL refuses NUL in text), cut to a length.
/// </summary>
internal static class ChartText
{
    public static string? Clean(string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var kept = value.Length <= maxLength ? value : value[..maxLength];
        if (char.IsHighSurrogate(kept[^1]))
        {
            kept = kept[..^1];
        }

        if (kept.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            kept = string.Concat(kept.Where(c => !char.IsControl(c) || c is '\n' or '\r' or '\t'));
        }

        kept = kept.Trim();
        return kept.Length == 0 ? null : kept;
    }
}
