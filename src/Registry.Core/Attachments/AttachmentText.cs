namespace Registry.Core.Attachments;

/// <summary>Strings taken from signatures and SBOMs are made storable: control characters (NUL, which PostgreSQL refuses) dropped, length cut.</summary>
public static class AttachmentText
{
    public static string? Clean(string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var clean = value.Any(char.IsControl) ? new string(value.Where(c => !char.IsControl(c)).ToArray()) : value;
        clean = clean.Trim();
        if (clean.Length > maxLength)
        {
            clean = clean[..maxLength];
            if (char.IsHighSurrogate(clean[^1]))
            {
                clean = clean[..^1];
            }
        }

        return clean.Length == 0 ? null : clean;
    }
}
