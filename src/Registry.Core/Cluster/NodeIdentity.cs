using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Registry.Core.Cluster;

/// <summary>
/// This node's id: random, made at its first start and kept in <c>&lt;DataPath&gt;/node-id</c>, so it survives
/// restarts and no two nodes with their own data paths share one. Whatever a node keeps for itself in the shared
/// database (its index replica's checkpoint) is named after it.
/// </summary>
public sealed class NodeIdentity(IOptions<RegistryOptions> options)
{
    public const string FileName = "node-id";

    private readonly Lazy<string> _id = new(() => LoadOrCreate(options.Value.ResolvedDataPath));

    /// <summary>16 lower-case hex digits.</summary>
    public string Id => _id.Value;

    private static string LoadOrCreate(string dataPath)
    {
        var path = Path.Combine(dataPath, FileName);
        if (Read(path) is { } existing)
        {
            return existing;
        }

        Directory.CreateDirectory(dataPath);
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        // Written aside and moved in place, so a crash never leaves half an id behind; when two processes on one data
        // path start together, the first move wins and the other reads its id.
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllText(temporary, id + "\n");
        try
        {
            File.Move(temporary, path, overwrite: Read(path) is null);
            return id;
        }
        catch (IOException) when (Read(path) is { } winner)
        {
            File.Delete(temporary);
            return winner;
        }
    }

    private static string? Read(string path) =>
        File.Exists(path) && File.ReadAllText(path).Trim() is { Length: 16 } id && id.All(char.IsAsciiHexDigitLower) ? id : null;
}
