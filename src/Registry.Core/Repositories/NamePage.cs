using Microsoft.EntityFrameworkCore;

namespace Registry.Core.Repositories;

/// <summary>One page of a byte-ordered list of names (tags, repositories), paged the OCI way with n and last.</summary>
public sealed record NamePage(IReadOnlyList<string> Names, bool HasMore)
{
    /// <param name="names">Names in byte order.</param>
    /// <param name="pageSize">null for all of them; 0 for none (and no next page, as the spec says).</param>
    public static async Task<NamePage> ReadAsync(IQueryable<string> names, int? pageSize, CancellationToken cancellationToken)
    {
        switch (pageSize)
        {
            case null:
                return new NamePage(await names.ToListAsync(cancellationToken), false);
            case 0:
                return new NamePage([], false);
            default:
                var n = pageSize.Value;
                var page = await names.Take(n + 1).ToListAsync(cancellationToken);
                return page.Count > n ? new NamePage(page[..n], true) : new NamePage(page, false);
        }
    }
}
