namespace Registry.Core.Data;

internal static class DataLimits
{
    /// <summary>"sha512:" plus 128 hex digits.</summary>
    public const int Digest = 135;

    public const int MediaType = 255;
}
