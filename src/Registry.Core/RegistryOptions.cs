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
            .Positive("Limits:UploadSessionLifetime", o.Limits.UploadSessionLifetime)
            .AtLeast("Limits:MaxTagsPageSize", o.Limits.MaxTagsPageSize, 1)
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

    public TimeSpan UploadSessionLifetime { get; set; } = TimeSpan.FromHours(24);

    public int MaxTagsPageSize { get; set; } = 1000;
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
