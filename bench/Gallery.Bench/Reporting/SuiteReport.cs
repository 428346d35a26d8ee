namespace Gallery.Bench.Reporting;

/// <summary>Everything one suite run produced: what ran against what, with which settings, and its figures.</summary>
public sealed record SuiteReport(
    string Suite,
    bool Quick,
    string Database,
    string LoadTool,
    string Ours,
    string Peer,
    IReadOnlyDictionary<string, string> Settings,
    IReadOnlyList<Figure> Figures,
    IReadOnlyList<string> Notes,
    DateTimeOffset StartedAt,
    TimeSpan Duration);
