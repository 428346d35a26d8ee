using System.Globalization;

namespace Registry.Core.Storage;

/// <summary>What one <see cref="BlobGarbageCollector"/> run found and removed (or, in a dry run, would remove).</summary>
/// <param name="MarkedDigests">Digests the database still needs.</param>
/// <param name="LinksRemoved">Repository links to blobs that none of that repository's manifests uses.</param>
/// <param name="BlobRowsDeleted">Blobs rows that no repository links.</param>
/// <param name="BlobsDeleted">Stored blobs whose digest was not marked.</param>
/// <param name="BytesFreed">Their total size.</param>
/// <param name="BlobsKept">Stored blobs whose digest was marked.</param>
/// <param name="ForeignFiles">Items in the store that are not blobs it wrote, left alone.</param>
public sealed record BlobGarbageCollection(
    bool DryRun, int MarkedDigests, int LinksRemoved, int BlobRowsDeleted, int BlobsDeleted, long BytesFreed, int BlobsKept, int ForeignFiles)
{
    public IEnumerable<string> SummaryLines()
    {
        var deleted = DryRun ? "to delete" : "deleted";
        yield return DryRun ? "Garbage collection, dry run: nothing was deleted." : "Garbage collection done.";
        yield return $"  digests in use:       {MarkedDigests}";
        yield return $"  blobs kept:           {BlobsKept}";
        yield return $"  blobs {deleted + ":",-16}{BlobsDeleted} ({BytesFreed} bytes, {Mebibytes(BytesFreed)} MiB)";
        yield return $"  unused links {(DryRun ? "to remove" : "removed") + ":",-9}{LinksRemoved}";
        yield return $"  Blobs rows {deleted + ":",-11}{BlobRowsDeleted}";
        yield return $"  foreign files:        {ForeignFiles}{(ForeignFiles > 0 ? " (left alone, listed above)" : "")}";
    }

    private static string Mebibytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.0", CultureInfo.InvariantCulture);
}
