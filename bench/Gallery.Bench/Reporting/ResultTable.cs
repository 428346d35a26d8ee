using System.Text;

namespace Gallery.Bench.Reporting;

/// <summary>The figures as a Markdown table (readable in a terminal, pasteable into README).</summary>
public static class ResultTable
{
    private static readonly string[] Headers = ["Figure", "Ours", "Peer", "Ratio", "Of limit (ours / peer)", "Target", "Met?"];

    public static string Render(SuiteReport report)
    {
        var rows = report.Figures.Select(Row).ToList();
        var widths = Headers.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        var text = new StringBuilder();
        Append(text, Headers, widths);
        text.Append('|');
        foreach (var (width, i) in widths.Select((w, i) => (w, i)))
        {
            // Numbers right-aligned.
            text.Append(i is >= 1 and <= 3 ? $" {new string('-', width - 1)}: |" : $" {new string('-', width)} |");
        }

        text.AppendLine();
        foreach (var row in rows)
        {
            Append(text, row, widths);
        }

        return text.ToString();
    }

    public static string Legend(SuiteReport report) =>
        $"ours: {report.Ours}; peer: {report.Peer}; load: {report.LoadTool}. " +
        "Ratio = ours / peer (above 1 is better for rates, below 1 is better for ms and MiB); each value is the median of its runs.";

    private static string[] Row(Figure figure) =>
    [
        $"{figure.Title} ({figure.Unit})",
        figure.OursSamples.Count > 0 ? NumberFormat.Value(figure.Ours) : "-",
        figure.PeerSamples.Count > 0 ? NumberFormat.Value(figure.Peer) : "-",
        NumberFormat.Ratio(figure.Ratio),
        figure.Limit is { } limit ? $"{limit.Fraction(figure.OursSamples)} / {limit.Fraction(figure.PeerSamples)}" : "-",
        figure.Target?.Describe(figure) ?? "-",
        figure.Met switch { true => "yes", false => "NO", null => "-" },
    ];

    private static void Append(StringBuilder text, string[] cells, int[] widths)
    {
        text.Append('|');
        for (var i = 0; i < cells.Length; i++)
        {
            text.Append(' ').Append(i is >= 1 and <= 3 ? cells[i].PadLeft(widths[i]) : cells[i].PadRight(widths[i])).Append(" |");
        }

        text.AppendLine();
    }
}
