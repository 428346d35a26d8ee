namespace Registry.Core.Storage;

/// <summary>
/// A request's exclusive hold on a filesystem upload: an open, locked lock file, released on dispose. The lock file
/// is deleted with the upload, by its holder, after the upload's record is gone: a request that then locks a new
/// lock file of the same name finds nothing to write to.
/// </summary>
internal static class UploadHold
{
    /// <summary>Windows refuses to delete a file another request has open; its lock file then stays, empty and harmless.</summary>
    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
    }
}
