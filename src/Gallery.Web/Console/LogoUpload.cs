using Microsoft.AspNetCore.Components.Forms;
using Registry.Core.Repositories.CatalogData;

namespace Gallery.Web.Console;

/// <summary>
/// A logo file chosen in the console (a repository's or the registry's), read under Core's rule
/// (<see cref="LogoImageFormat"/>): the size is checked before anything is read, the type by content, not by name.
/// </summary>
public sealed record LogoUpload(byte[] Content, string MediaType)
{
    /// <summary>The image as a <c>data:</c> URL, to preview it before it is saved.</summary>
    public string DataUrl => $"data:{MediaType};base64,{Convert.ToBase64String(Content)}";

    /// <summary>The logo, or the message that says why the file cannot be one (naming the file).</summary>
    public static async Task<(LogoUpload? Logo, string? Error)> ReadAsync(IBrowserFile file, CancellationToken cancellationToken = default)
    {
        if (file.Size > LogoImageFormat.MaxBytes)
        {
            return (null, $"{file.Name} is {file.Size:N0} bytes; a logo is at most {LogoImageFormat.MaxBytes:N0} bytes.");
        }

        using var buffer = new MemoryStream();
        await using (var stream = file.OpenReadStream(LogoImageFormat.MaxBytes, cancellationToken))
        {
            await stream.CopyToAsync(buffer, cancellationToken);
        }

        var bytes = buffer.ToArray();
        return LogoImageFormat.Detect(bytes) is { } mediaType
            ? (new LogoUpload(bytes, mediaType), null)
            : (null, $"{file.Name} is not a PNG or JPEG image (its content was checked, not its name).");
    }
}
