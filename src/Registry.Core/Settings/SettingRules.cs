using System.Globalization;

namespace Registry.Core.Settings;

/// <summary>
/// Collects what is wrong with one options class, each failure one sentence naming the setting (as configuration
/// and as an environment variable), the rule, and the value found.
/// </summary>
public sealed class SettingRules(string section)
{
    private readonly List<string> _failures = [];

    public IReadOnlyList<string> Failures => _failures;

    public SettingRules AtLeast(string setting, long value, long min) =>
        Check(value >= min, setting, $"must be at least {min}", value.ToString(CultureInfo.InvariantCulture));

    public SettingRules AtLeast(string setting, double value, double min) =>
        Check(value >= min && double.IsFinite(value), setting, $"must be at least {min.ToString(CultureInfo.InvariantCulture)}", value.ToString(CultureInfo.InvariantCulture));

    public SettingRules Positive(string setting, TimeSpan value) =>
        Check(value > TimeSpan.Zero, setting, "must be longer than zero (a time span such as 00:15:00 or 1.00:00:00)", value.ToString("c", CultureInfo.InvariantCulture));

    public SettingRules Known<TEnum>(string setting, TEnum value) where TEnum : struct, Enum =>
        Check(Enum.IsDefined(value), setting, $"must be one of {string.Join(", ", Enum.GetNames<TEnum>())}", value.ToString());

    public SettingRules NotEmpty(string setting, string? value) =>
        Check(!string.IsNullOrWhiteSpace(value), setting, "must not be empty", "empty");

    /// <summary>The directory exists or can be created, and a file can be written in it.</summary>
    public SettingRules WritableDirectory(string setting, string path)
    {
        try
        {
            Directory.CreateDirectory(path);
            var probe = Path.Combine(path, $".write-check-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return this;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Fail(setting, $"must be a directory the server can create and write; {path} is not ({e.Message})");
        }
    }

    /// <summary>The file exists and can be opened for reading.</summary>
    public SettingRules ReadableFile(string setting, string path)
    {
        try
        {
            using var _ = File.OpenRead(path);
            return this;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Fail(setting, $"must name a file the server can read; {path} is not ({e.Message})");
        }
    }

    public SettingRules Check(bool ok, string setting, string rule, string found) =>
        ok ? this : Fail(setting, $"{rule}; it is {found}");

    public SettingRules Fail(string setting, string problem)
    {
        var name = $"{section}:{setting}";
        _failures.Add($"{name} ({name.Replace(":", "__", StringComparison.Ordinal)}) {problem}");
        return this;
    }
}
