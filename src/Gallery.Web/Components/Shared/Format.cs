using System.Globalization;

namespace Gallery.Web.Components.Shared;

/// <summary>How numbers, sizes, dates and digests read on the pages.</summary>
public static class Format
{
    /// <summary>Rounded counts, as gallery.ecr.aws shows downloads: 999, 1.2K, 3.4M, 5.6B.</summary>
    public static string Count(long value) => value switch
    {
        < 1_000 => value.ToString(CultureInfo.InvariantCulture),
        < 1_000_000 => Scaled(value / 1_000d, "K"),
        < 1_000_000_000 => Scaled(value / 1_000_000d, "M"),
        _ => Scaled(value / 1_000_000_000d, "B"),
    };

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => Scaled(bytes / 1024d, " KB"),
        < 1024L * 1024 * 1024 => Scaled(bytes / (1024d * 1024), " MB"),
        _ => Scaled(bytes / (1024d * 1024 * 1024), " GB"),
    };

    /// <summary>"3 minutes ago", "2 days ago", or the date for anything older than a month.</summary>
    public static string Ago(DateTime utc, DateTime? now = null)
    {
        var span = (now ?? DateTime.UtcNow) - utc;
        return span.TotalSeconds switch
        {
            < 60 => "just now",
            < 3600 => Plural((int)span.TotalMinutes, "minute"),
            < 86400 => Plural((int)span.TotalHours, "hour"),
            < 86400 * 31 => Plural((int)span.TotalDays, "day"),
            _ => Date(utc),
        };
    }

    public static string Date(DateTime utc) => utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>ISO 8601, for <c>&lt;time datetime&gt;</c> and tooltips.</summary>
    public static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary><c>sha256:0123456789ab</c>: the algorithm and the first twelve hex digits.</summary>
    public static string ShortDigest(string digest)
    {
        var colon = digest.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 || digest.Length <= colon + 13 ? digest : digest[..(colon + 13)];
    }

    public static string Platform(string os, string architecture, string? variant) =>
        variant is null ? $"{os}/{architecture}" : $"{os}/{architecture}/{variant}";

    private static string Scaled(double value, string unit) =>
        (value < 100 ? value.ToString("0.#", CultureInfo.InvariantCulture) : value.ToString("0", CultureInfo.InvariantCulture)) + unit;

    private static string Plural(int n, string unit) => n == 1 ? $"1 {unit} ago" : $"{n} {unit}s ago";
}
