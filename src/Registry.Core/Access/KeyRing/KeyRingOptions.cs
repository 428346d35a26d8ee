using Registry.Core.Settings;

namespace Registry.Core.Access.KeyRing;

/// <summary>Where the key that encrypts the data-protection key ring lives. Bound from "Gallery:KeyRing".</summary>
public sealed class KeyRingOptions
{
    public const string SectionName = "Gallery:KeyRing";

    public const string DefaultFileName = "keyring.key";

    /// <summary>
    /// The key file. Empty: <c>keyring.key</c> under the data directory, generated on first start (owner-only
    /// permissions). Set it on every node of a cluster to the same file (copied from the first node); a file named
    /// here must exist.
    /// </summary>
    public string? KeyFile { get; set; }

    internal static void Check(KeyRingOptions o, SettingRules rules)
    {
        if (!string.IsNullOrWhiteSpace(o.KeyFile))
        {
            rules.ReadableFile(nameof(KeyFile), Path.GetFullPath(o.KeyFile, Environment.CurrentDirectory));
        }
    }

    public string ResolveKeyFile(RegistryOptions registry) =>
        string.IsNullOrWhiteSpace(KeyFile)
            ? Path.Combine(registry.ResolvedDataPath, DefaultFileName)
            : Path.GetFullPath(KeyFile, Environment.CurrentDirectory);
}
