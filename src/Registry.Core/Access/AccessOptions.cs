using Registry.Core.Settings;

namespace Registry.Core.Access;

/// <summary>Token lifetimes and the configuration bootstrap. Bound from "Gallery:Access", "Gallery:Bootstrap" and "Gallery:Administrator".</summary>
public sealed class AccessOptions
{
    /// <summary>How long a bearer token from /token is good for.</summary>
    public TimeSpan RegistryTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>GetAuthorizationToken's lifetime: 12 hours, as on ECR Public.</summary>
    public TimeSpan AuthorizationTokenLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>A new token signing key is made when the newest is older than this; older keys keep verifying until their tokens expire.</summary>
    public TimeSpan SigningKeyRotation { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// The most scopes one token request may ask for. Clients ask for one to a few (a push with cross-repository mounts);
    /// the bound keeps the work per request small and every token short enough to be accepted (8192 characters).
    /// </summary>
    public int MaxScopesPerToken { get; set; } = 16;

    /// <summary>The service name tokens are issued for; empty means the request's host.</summary>
    public string? Service { get; set; }

    internal static void Check(AccessOptions o, SettingRules rules) => rules
        .Positive(nameof(RegistryTokenLifetime), o.RegistryTokenLifetime)
        .Positive(nameof(AuthorizationTokenLifetime), o.AuthorizationTokenLifetime)
        .Positive(nameof(SigningKeyRotation), o.SigningKeyRotation)
        .AtLeast(nameof(MaxScopesPerToken), o.MaxScopesPerToken, 1);
}

/// <summary>A publisher created (idempotently) at start from configuration, for automation and demos.</summary>
public sealed class BootstrapOptions
{
    public string? Alias { get; set; }

    public string? DisplayName { get; set; }

    public string? AccessKeyId { get; set; }

    public string? SecretAccessKey { get; set; }

    /// <summary>Let pushes create repositories under the bootstrap alias (off unless set).</summary>
    public bool CreateOnPush { get; set; }

    public bool Verified { get; set; }
}

/// <summary>The first administrator, created at start when a user name and password are configured.</summary>
public sealed class AdministratorOptions
{
    public string? UserName { get; set; }

    public string? Password { get; set; }
}
