using System.Globalization;

namespace Gallery.Bench.Reporting;

/// <summary>Figures printed with about three significant digits: 12,345 / 456 / 45.6 / 4.56.</summary>
public static class NumberFormat
{
    public static string Value(double value)
    {
        var magnitude = Math.Abs(value);
        var format = magnitude >= 1000 ? "#,0" : magnitude >= 100 ? "0" : magnitude >= 10 ? "0.0" : "0.00";
        return value.ToString(format, CultureInfo.InvariantCulture);
    }

    public static string Ratio(double? ratio) =>
        ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) + "x" : "-";
}
