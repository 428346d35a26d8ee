namespace Gallery.Testing.Processes;

/// <summary>The last lines a long-running process printed, kept in memory for failure messages.</summary>
public sealed class OutputTail(int capacity = 300)
{
    private readonly Queue<string> _lines = new();

    public void Add(string prefix, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Enqueue(prefix + line);
            while (_lines.Count > capacity)
            {
                _lines.Dequeue();
            }
        }
    }

    public override string ToString()
    {
        lock (_lines)
        {
            return string.Join('\n', _lines);
        }
    }
}
