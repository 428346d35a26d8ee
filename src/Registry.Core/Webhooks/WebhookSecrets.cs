using Microsoft.AspNetCore.DataProtection;

namespace Registry.Core.Webhooks;

/// <summary>Webhook secrets are kept encrypted with the data-protection keys, and read back only to sign a delivery.</summary>
public sealed class WebhookSecrets(IDataProtectionProvider protection)
{
    private const string Purpose = "Gallery.Webhooks.v1";

    private IDataProtector Protector => protection.CreateProtector(Purpose);

    public string Protect(string secret) => Protector.Protect(secret);

    public string Unprotect(string protectedSecret) => Protector.Unprotect(protectedSecret);
}
