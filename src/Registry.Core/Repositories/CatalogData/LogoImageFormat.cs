namespace Registry.Core.Repositories.CatalogData;

/// <summary>
/// The rule for logo images, repository and registry logos alike: at most <see cref="MaxBytes"/> bytes, PNG or JPEG
/// recognised by content (never by a file name).
/// </summary>
public static class LogoImageFormat
{
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";

    /// <summary>ECR Public's limit on a logo.</summary>
    public const int MaxBytes = 512000;

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];

    /// <summary>The image's media type, or null when it is neither PNG nor JPEG.</summary>
    public static string? Detect(ReadOnlySpan<byte> content) =>
        content.StartsWith(PngSignature) ? Png : content.StartsWith(JpegSignature) ? Jpeg : null;

    /// <summary>What is wrong with a logo, naming it as <paramref name="subject"/>; null when it is acceptable.</summary>
    public static string? Problem(ReadOnlySpan<byte> logo, string subject) =>
        logo.Length > MaxBytes ? $"{subject} is {logo.Length} bytes; the limit is {MaxBytes} bytes"
        : Detect(logo) is null ? $"{subject} must be a PNG or JPEG image"
        : null;
}
