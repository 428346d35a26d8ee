using System.Diagnostics;
using Gallery.Bench.Oci;
using Gallery.Bench.Servers;

namespace Gallery.Bench.Suites.Pages;

/// <summary>
/// One real push a second over /v2/ (blobs and manifest, with a bearer token from /token, as docker does) while pages
/// are timed: a new tag each time, in twenty repositories made by the first pushes. Bounded in count and time.
/// </summary>
public sealed class SteadyPushes : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private readonly CancellationTokenSource _stop;
    private readonly Task _loop;
    private readonly List<double> _milliseconds = [];

    private SteadyPushes(RegistryClient registry, int maxPushes, TimeSpan maxTime, CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _stop.CancelAfter(maxTime);
        _loop = RunAsync(registry, maxPushes, _stop.Token);
    }

    public int Count => _milliseconds.Count;

    /// <summary>How long each push took, blobs and manifest.</summary>
    public IReadOnlyList<double> Milliseconds => _milliseconds;

    public static SteadyPushes Start(HttpClient http, OurServer server, int maxPushes, TimeSpan maxTime, CancellationToken cancellationToken) =>
        new(new RegistryClient(http, server.BaseAddress, server.Credentials), maxPushes, maxTime, cancellationToken);

    /// <summary>Stops pushing; a failed push fails the run.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopped on purpose (or the time bound).
        }

        _stop.Dispose();
    }

    private async Task RunAsync(RegistryClient registry, int maxPushes, CancellationToken cancellationToken)
    {
        var image = TestImage.Create(layerCount: 2, layerBytes: 4096);
        using var timer = new PeriodicTimer(Interval);
        for (var i = 0; i < maxPushes && await timer.WaitForNextTickAsync(cancellationToken); i++)
        {
            var clock = Stopwatch.StartNew();
            await image.PushAsync(registry, $"{OurServer.Alias}/live-{i % 20:D2}", $"v{i}", cancellationToken);
            _milliseconds.Add(clock.Elapsed.TotalMilliseconds);
        }
    }
}
