namespace Registry.Core.Oci;

/// <summary>Client-supplied text quoted in error messages, cut short so a hostile value cannot flood a response or a log.</summary>
internal static class DisplayText
{
    private const int MaxLength = 80;

    public static string Shorten(string? value) =>
        value is null ? "" : value.Length <= MaxLength ? value : value[..MaxLength] + "…";
}
