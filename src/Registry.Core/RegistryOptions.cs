using Registry.Core.Settings;

namespace Registry.Core;

/// <summary>Every registry limit, named, with the ECR Public default. Bound from the "Gallery" configuration section.</summary>
public sealed class RegistryOptions
{
    public const string SectionName = "Gallery";

    /// <summary>Where blobs, upload sessions and the embedded database live. Relative paths resolve against the current directory.</summary>
    public string DataPath { get; set; } = "data";

    public DatabaseOptions Database { get; set; } = new();

    public RegistryLimits Limits { get; set; } = new();

    public PullRateLimits RateLimits { get; set; } = new();

    public EventRetention Events { get; set; } = new();

    public Storage.StorageOptions Storage { get; set; } = new();

    public SupplyChainOptions Supply { get; set; } = new();

    public string ResolvedDataPath => Path.GetFullPath(DataPath, Environment.CurrentDirectory);

    internal static void Check(RegistryOptions o, SettingRules rules)
    {
        rules.NotEmpty(nameof(DataPath), o.DataPath);
        if (!string.IsNullOrWhiteSpace(o.DataPath))
        {
            rules.WritableDirectory(nameof(DataPath), o.ResolvedDataPath);
        }

        rules.Known("Database:Provider", o.Database.Provider)
            .AtLeast("Limits:MaxManifestBytes", o.Limits.MaxManifestBytes, 1)
            .AtLeast("Limits:MaxLayerBytes", o.Limits.MaxLayerBytes, 1)
            .AtLeast("Limits:MaxConfigBytesToParse", o.Limits.MaxConfigBytesToParse, 0)
            .AtLeast("Limits:MaxChartBytesToScan", o.Limits.MaxChartBytesToScan, 0)
            .AtLeast("Limits:MaxChartReadmeBytes", o.Limits.MaxChartReadmeBytes, 0)
            .Positive("Limits:UploadSessionLifetime", o.Limits.UploadSessionLifetime)
            .AtLeast("Limits:MaxTagsPageSize", o.Limits.MaxTagsPageSize, 1)
            .AtLeast("Supply:MaxSbomBytes", o.Supply.MaxSbomBytes, 1)
            .AtLeast("RateLimits:AnonymousPullsPerSecond", o.RateLimits.AnonymousPullsPerSecond, 0)
            .AtLeast("RateLimits:AnonymousBurst", o.RateLimits.AnonymousBurst, 1)
            .AtLeast("RateLimits:AuthenticatedPullsPerSecond", o.RateLimits.AuthenticatedPullsPerSecond, 0)
            .AtLeast("RateLimits:AuthenticatedBurst", o.RateLimits.AuthenticatedBurst, 1);
    }
}

public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class RegistryLimits
{
    public long MaxManifestBytes { get; set; } = 4 * 1024 * 1024;

    public long MaxLayerBytes { get; set; } = 10L * 1024 * 1024 * 1024;

    /// <summary>Image config blobs are read to learn os/architecture; larger ones are not parsed.</summary>
    public long MaxConfigBytesToParse { get; set; } = 8 * 1024 * 1024;

    /// <summary>A Helm chart's archive is read up to this many bytes (compressed, and again uncompressed) looking for its README.</summary>
    public long MaxChartBytesToScan { get; set; } = 16 * 1024 * 1024;

    /// <summary>A chart's README is kept up to this many bytes (cut beyond); 0 reads no README.</summary>
    public int MaxChartReadmeBytes { get; set; } = 256 * 1024;

    public TimeSpan UploadSessionLifetime { get; set; } = TimeSpan.FromHours(24);

    public int MaxTagsPageSize { get; set; } = 1000;
}

/// <summary>What is read of signatures, SBOMs and attestations attached to images.</summary>
public sealed class SupplyChainOptions
{
    /// <summary>Larger SBOMs, attestations and signature payloads are listed as unreadable instead of parsed.</summary>
    public long MaxSbomBytes { get; set; } = 64 * 1024 * 1024;
}

/// <summary>
/// Image pull (manifest GET) rates, ECR Public's defaults: 1 per second per address for anonymous callers, 10 per second
/// per account for signed-in ones, with a burst allowance. A rate of 0 turns that limit off.
/// </summary>
public sealed class PullRateLimits
{
    public double AnonymousPullsPerSecond { get; set; } = 1;

    public int AnonymousBurst { get; set; } = 50;

    public double AuthenticatedPullsPerSecond { get; set; } = 10;

    public int AuthenticatedBurst { get; set; } = 200;
}

/// <summary>
/// How long outbox events are kept. An event is pruned once it is older than <see cref="Retention"/> and every live
/// follower (a checkpoint row touched within <see cref="Retention"/>) has passed it; a follower gone for longer rebuilds
/// from the database instead of reading events that may be gone.
/// </summary>
public sealed class EventRetention
{
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often each node prunes; deleting what another node already deleted costs nothing.</summary>
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often a follower touches its checkpoint row when nothing happens, so it counts as live: well within the retention.</summary>
    public TimeSpan HeartbeatInterval => Retention / 10 < TimeSpan.FromMinutes(1) ? Retention / 10 : TimeSpan.FromMinutes(1);

    /// <summary>
    /// A follower whose row is older than this at its start rebuilds: a little less than the retention, so that a
    /// pruner (which counts it live for the whole retention) can never have deleted events it still needs.
    /// </summary>
    public TimeSpan RebuildAfter => Retention - HeartbeatInterval;
}
