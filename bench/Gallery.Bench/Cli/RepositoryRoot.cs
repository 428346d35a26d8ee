namespace Gallery.Bench.Cli;

/// <summary>The checkout the harness runs from: the nearest directory holding Gallery.sln.</summary>
public static class RepositoryRoot
{
    /// <summary>Searched from the working directory, then from the harness binary; null outside a checkout.</summary>
    public static string? Find()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Gallery.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }
}
