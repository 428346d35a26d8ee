namespace Registry.Core.Data.Entities;

/// <summary>
/// Pulls of a repository on one UTC day, from the pull counter's flushes: <see cref="Tag"/> is empty for the
/// repository's total (pulls by digest included), else the tag that was pulled.
/// </summary>
public sealed class DailyPull
{
    public long RepositoryId { get; set; }

    public required string Tag { get; set; }

    public DateOnly Day { get; set; }

    public long Count { get; set; }
}
