namespace Registry.Core.Repositories.CatalogData;

/// <summary>Recognises logo images by their content (never by a file name): PNG or JPEG.</summary>
public static class LogoImageFormat
{
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];

    /// <summary>The image's media type, or null when it is neither PNG nor JPEG.</summary>
    public static string? Detect(ReadOnlySpan<byte> content) =>
        content.StartsWith(PngSignature) ? Png : content.StartsWith(JpegSignature) ? Jpeg : null;
}
