namespace Registry.Core;

/// <summary>Every registry limit, named, with the ECR Public default. Bound from the "Gallery" configuration section.</summary>
public sealed class RegistryOptions
{
    public const string SectionName = "Gallery";

    /// <summary>Where blobs, upload sessions and the embedded database live. Relative paths resolve against the current directory.</summary>
    public string DataPath { get; set; } = "data";

    public DatabaseOptions Database { get; set; } = new();

    public RegistryLimits Limits { get; set; } = new();

    public string ResolvedDataPath => Path.GetFullPath(DataPath, Environment.CurrentDirectory);
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
