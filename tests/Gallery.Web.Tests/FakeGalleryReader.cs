using Gallery.Indexer.Reading;
using Registry.Core.Repositories.Public;

namespace Gallery.Web.Tests;

/// <summary>IGalleryReader over dictionaries, with the same filter, order and paging rules as the real one.</summary>
public sealed class FakeGalleryReader : IGalleryReader
{
    public Dictionary<string, GalleryRepository> Repositories { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<TagRow>> Tags { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, GalleryPublisher> Publishers { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Digests { get; } = new(StringComparer.Ordinal);

    public PublicTotals Totals { get; set; } = new(0, 0, 0, 0);

    /// <summary>When set, GetTotalsAsync waits for it (to see the loading state).</summary>
    public TaskCompletionSource? TotalsGate { get; set; }

    public Exception? Failure { get; set; }

    public Task<GalleryRepository?> GetRepositoryAsync(string fullName, CancellationToken cancellationToken = default)
    {
        ThrowIfFailing();
        return Task.FromResult(Repositories.GetValueOrDefault(fullName));
    }

    public Task<TagPage> GetTagsAsync(TagQuery query, CancellationToken cancellationToken = default)
    {
        ThrowIfFailing();
        var rows = Tags.GetValueOrDefault(query.FullName) ?? [];
        var matching = rows.Where(r => string.IsNullOrWhiteSpace(query.Filter) || r.Tag.Contains(query.Filter.Trim(), StringComparison.Ordinal));
        matching = query.Sort == TagSort.Version
            ? matching.OrderBy(r => r.Tag, TagVersionComparer.HighestFirst)
            : matching.OrderByDescending(r => r.PushedAt).ThenBy(r => r.Tag, StringComparer.Ordinal);
        var list = matching.ToList();
        var page = list.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToList();
        return Task.FromResult(new TagPage(page, list.Count, query.Page, query.PageSize));
    }

    public Task<GalleryPublisher?> GetPublisherAsync(string alias, CancellationToken cancellationToken = default)
    {
        ThrowIfFailing();
        return Task.FromResult(Publishers.GetValueOrDefault(alias));
    }

    public Task<IReadOnlyList<GalleryPublisher>> GetVerifiedPublishersAsync(int max, CancellationToken cancellationToken = default)
    {
        ThrowIfFailing();
        return Task.FromResult<IReadOnlyList<GalleryPublisher>>(Publishers.Values.Where(p => p.Verified).Take(max).ToList());
    }

    public async Task<PublicTotals> GetTotalsAsync(CancellationToken cancellationToken = default)
    {
        if (TotalsGate is not null)
        {
            await TotalsGate.Task;
        }

        ThrowIfFailing();
        return Totals;
    }

    public Task<string?> FindRepositoryByDigestAsync(string digest, CancellationToken cancellationToken = default)
    {
        ThrowIfFailing();
        return Task.FromResult(Digests.GetValueOrDefault(digest));
    }

    private void ThrowIfFailing()
    {
        if (Failure is not null)
        {
            throw Failure;
        }
    }

    public static GalleryRepository Repository(
        string fullName, string? description = "A test image", string? about = null, string? usage = null, bool verified = false, int tagCount = 1) =>
        new(fullName, fullName[..fullName.IndexOf('/', StringComparison.Ordinal)], fullName[(fullName.IndexOf('/', StringComparison.Ordinal) + 1)..],
            null, verified, description, about, usage, ["x86-64"], ["Linux"], [new PushedPlatform("linux", "arm64")], null, 1234,
            new DateTime(2026, 1, 2, 0, 0, 0, DateTimeKind.Utc), new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc), tagCount, "latest");

    public static TagRow Tag(string name, int minutesAgo = 0, string? digest = null, params string[] alsoTagged) =>
        new(name, digest ?? "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name))),
            "application/vnd.oci.image.index.v1+json", null, 12_345_678, DateTime.UtcNow.AddMinutes(-minutesAgo),
            [new TagPlatform("linux", "amd64", null, "sha256:" + new string('a', 64), 6_000_000), new TagPlatform("linux", "arm64", "v8", "sha256:" + new string('b', 64), 6_345_678)],
            alsoTagged);
}
