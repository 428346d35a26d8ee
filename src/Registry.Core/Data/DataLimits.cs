namespace Registry.Core.Data;

internal static class DataLimits
{
    /// <summary>"sha512:" plus 128 hex digits.</summary>
    public const int Digest = 135;

    public const int MediaType = 255;

    /// <summary>A user name (≤ 256, Identity's limit) and how it acted, e.g. " via access key " and a key id.</summary>
    public const int Actor = 320;

    public const int WebhookUrl = Webhooks.WebhookRules.MaxUrlLength;

    public const int WebhookResponseExcerpt = Webhooks.WebhookRules.ResponseExcerptLength;
}
