namespace Gallery.Bench.Load;

/// <summary>One request repeated under load: a method, an absolute URL on 127.0.0.1, optional Accept and Authorization headers.</summary>
public sealed record LoadRequest(string Method, Uri Url, string? Accept = null, string? Authorization = null)
{
    public void EnsureLoopback()
    {
        if (!Url.IsLoopback)
        {
            throw new BenchException($"load is only ever sent to 127.0.0.1, not to {Url}");
        }
    }
}
