namespace Registry.Core.Data;

internal static class DataLimits
{
    /// <summary>"sha512:" plus 128 hex digits.</summary>
    public const int Digest = 135;

    public const int MediaType = 255;

    /// <summary>A user name (≤ 256, Identity's limit) and how it acted, e.g. " via access key " and a key id.</summary>
    public const int Actor = 320;

    /// <summary>Strings read from signatures and SBOMs (signer, generator, license, problem); longer ones are cut.</summary>
    public const int AttachmentText = 512;

    public const int PackageName = 512;

    public const int PackageVersion = 256;

    public const int Purl = 1024;

    public const int WebhookUrl = Webhooks.WebhookRules.MaxUrlLength;

    public const int WebhookResponseExcerpt = Webhooks.WebhookRules.ResponseExcerptLength;
}
