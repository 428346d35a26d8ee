namespace Registry.Core.Data.Entities;

/// <summary>
/// The gallery's totals, kept as they change (one row): public repositories, publishers with one, their tags and
/// pulls, leaving out suspended publishers. Counted by <c>PublicCounts</c> in the transaction of each change.
/// </summary>
public sealed class GalleryTotalsRow
{
    public const int SingleId = 1;

    public int Id { get; set; }

    public int Repositories { get; set; }

    public int Publishers { get; set; }

    public long Tags { get; set; }

    public long Pulls { get; set; }
}
