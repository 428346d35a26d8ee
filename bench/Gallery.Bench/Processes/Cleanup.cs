namespace Gallery.Bench.Processes;

/// <summary>
/// The last line of defence for what the harness starts: servers, database clusters, temp directories. Normal runs
/// dispose them in finally blocks; this runs the registered actions when the process is torn down anyway (a second
/// Ctrl+C, SIGTERM) so no server outlives the harness.
/// </summary>
public static class Cleanup
{
    private static readonly Dictionary<long, (string What, Action Action)> Actions = [];
    private static long _next;

    public static IDisposable Register(string what, Action action)
    {
        lock (Actions)
        {
            var id = ++_next;
            Actions[id] = (what, action);
            return new Registration(id);
        }
    }

    /// <summary>Runs every registered action once, newest first (servers before the directories they use).</summary>
    public static void RunAll()
    {
        List<(string What, Action Action)> pending;
        lock (Actions)
        {
            pending = Actions.OrderByDescending(a => a.Key).Select(a => a.Value).ToList();
            Actions.Clear();
        }

        foreach (var (what, action) in pending)
        {
            try
            {
                action();
            }
            catch (Exception e)
            {
                Console.Error.WriteLine($"cleanup: {what}: {e.Message}");
            }
        }
    }

    private sealed class Registration(long id) : IDisposable
    {
        public void Dispose()
        {
            lock (Actions)
            {
                Actions.Remove(id);
            }
        }
    }
}
