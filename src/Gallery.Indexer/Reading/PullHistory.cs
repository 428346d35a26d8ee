using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Data;
using Registry.Core.Repositories.Public;

namespace Gallery.Indexer.Reading;

/// <summary>A day and how many pulls it had.</summary>
public sealed record PullDay(string Date, long Pulls);

/// <summary>A public repository's pulls per UTC day, oldest first, every day of the span listed (zero when none).</summary>
public interface IPullHistory
{
    /// <summary>The last <paramref name="days"/> days up to today (of one tag, or all pulls); null when the gallery does not show the repository.</summary>
    Task<IReadOnlyList<PullDay>?> DaysAsync(string fullName, int days, string? tag, CancellationToken cancellationToken);
}

/// <summary>
/// Reads through a database context of its own: the repository page renders this chart beside components that query
/// the request's context at the same time, and one context takes one operation at a time.
/// </summary>
public sealed class PullHistory(IServiceScopeFactory scopes) : IPullHistory
{
    public async Task<IReadOnlyList<PullDay>?> DaysAsync(string fullName, int days, string? tag, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var id = await db.PublicRepositories().Where(r => r.FullName == fullName).Select(r => (long?)r.Id).FirstOrDefaultAsync(cancellationToken);
        if (id is null)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var first = today.AddDays(1 - days);
        var key = tag ?? "";
        var counts = await db.DailyPulls.AsNoTracking().Where(p => p.RepositoryId == id && p.Tag == key && p.Day >= first)
            .ToDictionaryAsync(p => p.Day, p => p.Count, cancellationToken);
        return Enumerable.Range(0, days).Select(i => first.AddDays(i))
            .Select(d => new PullDay(d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), counts.GetValueOrDefault(d))).ToList();
    }
}
