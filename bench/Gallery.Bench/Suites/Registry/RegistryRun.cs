using Gallery.Bench.Load;
using Gallery.Bench.Measure;
using Gallery.Bench.Oci;
using Gallery.Bench.Servers;

namespace Gallery.Bench.Suites.Registry;

/// <summary>One server under test and the client that measures it.</summary>
public sealed record RegistryTarget(IRegistryServer Server, RegistryClient Client)
{
    public string Role => Server.Role;
}

/// <summary>What every registry figure needs: both targets, the sizes, the load generator, a scratch directory, the machine's limits.</summary>
public sealed class RegistryRun(RegistryTarget ours, RegistryTarget peer, RegistrySizes sizes, ILoadGenerator load, string scratch)
{
    public RegistryTarget Ours => ours;

    public RegistryTarget Peer => peer;

    public RegistrySizes Sizes => sizes;

    public ILoadGenerator Load => load;

    /// <summary>The chosen generator, or the in-process loop for requests it cannot send (the same one for both servers).</summary>
    public ILoadGenerator LoadFor(LoadRequest request) => load.Supports(request) ? load : InProcessLoad;

    private static LoadLoop InProcessLoad { get; } = new();

    /// <summary>Where large blob files are written.</summary>
    public string Scratch => scratch;

    public List<string> Notes { get; } = [];

    public MachineLimits Limits { get; } = new();

    /// <summary>curl as a client of the target, with the token the harness's client got for the repository (fetch one first).</summary>
    public static Curl CurlFor(RegistryTarget target, string repository) =>
        new(target.Server.BaseAddress, target.Client.AuthorizationFor(repository));

    /// <summary>Both targets, the first one alternating by run, so neither always goes first (warm caches, turbo).</summary>
    public IEnumerable<RegistryTarget> InTurn(int run) => run % 2 == 0 ? [ours, peer] : [peer, ours];

    /// <summary>Deletes a blob the run is done with from both servers' storage (<see cref="IRegistryServer.DropStoredBlob"/>).</summary>
    public void DropStoredBlob(string digest)
    {
        ours.Server.DropStoredBlob(digest);
        peer.Server.DropStoredBlob(digest);
    }

    public static double MegabytesPerSecond(long bytes, TimeSpan elapsed) => bytes / 1e6 / elapsed.TotalSeconds;
}

/// <summary>The samples of one figure, per server.</summary>
public sealed class SamplePair
{
    public List<double> Ours { get; } = [];

    public List<double> Peer { get; } = [];

    public void Add(RegistryTarget target, double value) => (target.Role == "ours" ? Ours : Peer).Add(value);
}
