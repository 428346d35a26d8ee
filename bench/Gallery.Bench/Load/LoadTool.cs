using Gallery.Bench.Servers;

namespace Gallery.Bench.Load;

/// <summary><c>--load auto|wrk|inproc</c>: auto uses wrk when it is installed, the in-process loop otherwise.</summary>
public enum LoadTool
{
    Auto,
    Wrk,
    InProcess,
}

public static class LoadGenerators
{
    public static async Task<ILoadGenerator> CreateAsync(LoadTool tool, CancellationToken cancellationToken)
    {
        if (tool == LoadTool.Auto)
        {
            tool = File.Exists(WrkLoad.DefaultPath) ? LoadTool.Wrk : LoadTool.InProcess;
        }

        if (tool == LoadTool.InProcess)
        {
            return new LoadLoop();
        }

        await AptPackages.EnsureAsync("wrk", () => File.Exists(WrkLoad.DefaultPath), cancellationToken);
        // Half the CPUs (at least one): on a small machine the server needs the rest.
        return new WrkLoad(WrkLoad.DefaultPath, Math.Max(1, Environment.ProcessorCount / 2));
    }
}
