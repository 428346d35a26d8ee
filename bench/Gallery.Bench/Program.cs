using Gallery.Bench;
using Gallery.Bench.Cli;
using Gallery.Bench.Processes;
using Gallery.Bench.Reporting;

var options = BenchOptions.Parse(args, out var error);
if (options is null)
{
    Console.Error.WriteLine(error is null ? BenchOptions.Usage : $"{error}\n\n{BenchOptions.Usage}");
    return error is null ? 0 : 2;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    if (!cancellation.IsCancellationRequested)
    {
        e.Cancel = true;
        Progress.Line("cancelling: stopping the servers (Ctrl+C again to kill them at once)");
        cancellation.Cancel();
        return;
    }

    Cleanup.RunAll();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => Cleanup.RunAll();

try
{
    return await BenchRunner.RunAsync(options, cancellation.Token);
}
catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
{
    Console.Error.WriteLine("cancelled");
    return 130;
}
catch (BenchException e)
{
    Console.Error.WriteLine($"bench: {e.Message}");
    return 1;
}
catch (Exception e) when (e is HttpRequestException or IOException or TimeoutException)
{
    Console.Error.WriteLine($"bench: {e}");
    return 1;
}
finally
{
    Cleanup.RunAll();
}
