using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Registry.Core.Data;
using Registry.Core.Data.Entities;
using Registry.Core.Oci;
using Registry.Core.Storage;

namespace Registry.Core.Charts;

/// <summary>
/// Reads what the gallery shows of a Helm chart being pushed: its config's facts, and its README when the repository
/// has no About text of its own. Never refuses a push: what cannot be read is recorded as the chart's problem.
/// </summary>
public sealed class HelmChartInspector(RegistryDbContext db, IBlobStore store, IOptions<RegistryOptions> options)
{
    public static bool IsChart(ParsedManifest manifest) => manifest.Config?.MediaType == HelmMediaTypes.Config;

    /// <summary>The chart's row for a Helm chart manifest (its references already checked), or null for anything else.</summary>
    public async Task<HelmChart?> InspectAsync(long repositoryId, ParsedManifest manifest, CancellationToken cancellationToken)
    {
        if (!IsChart(manifest))
        {
            return null;
        }

        var limits = options.Value.Limits;
        var config = manifest.Config!;
        var content = config.Size > limits.MaxConfigBytesToParse
            ? null
            : await store.ReadAllAsync(config.Digest, limits.MaxConfigBytesToParse, cancellationToken);
        if (content is null)
        {
            return new HelmChart { Problem = $"the chart's config is larger than {limits.MaxConfigBytesToParse:N0} bytes" };
        }

        if (HelmChartConfigReader.TryRead(content, out var problem) is not { } facts)
        {
            return new HelmChart { Problem = problem };
        }

        var chart = new HelmChart
        {
            Name = facts.Name,
            Version = facts.Version,
            AppVersion = facts.AppVersion,
            Description = facts.Description,
            Keywords = facts.Keywords.ToList(),
        };
        if (limits.MaxChartReadmeBytes > 0 && await NeedsReadmeAsync(repositoryId, cancellationToken)
            && manifest.Layers.FirstOrDefault(l => l.MediaType == HelmMediaTypes.ChartContent) is { } archive)
        {
            await using var stream = await store.OpenReadAsync(archive.Digest, null, cancellationToken);
            if (stream is not null)
            {
                var readme = await new HelmChartReadmeReader(limits.MaxChartBytesToScan, limits.MaxChartReadmeBytes).ReadAsync(stream, cancellationToken);
                chart.Readme = readme.Text;
                chart.Problem = readme.Problem;
            }
        }

        return chart;
    }

    /// <summary>The README stands in for the About text only; a repository that has one needs no copy of it.</summary>
    private Task<bool> NeedsReadmeAsync(long repositoryId, CancellationToken cancellationToken) =>
        db.Repositories.AsNoTracking().Where(r => r.Id == repositoryId).Select(r => r.AboutText == null || r.AboutText == "").FirstOrDefaultAsync(cancellationToken);
}
