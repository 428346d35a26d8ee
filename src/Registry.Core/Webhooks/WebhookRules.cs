namespace Registry.Core.Webhooks;

/// <summary>What a webhook may be: its URL, secret and events. Used by the API and the console alike.</summary>
public static class WebhookRules
{
    public const int MaxUrlLength = 2048;
    public const int MinSecretLength = 16;
    public const int MaxSecretLength = 256;
    public const int MaxWebhooksPerRegistry = 200;
    public const int ResponseExcerptLength = 1024;

    /// <summary>Why the URL cannot be a webhook's (without looking its host up), or null.</summary>
    public static string? UrlProblem(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "url is required";
        }

        if (url.Length > MaxUrlLength)
        {
            return $"url is at most {MaxUrlLength} characters";
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return "url must be an absolute http:// or https:// URL";
        }

        if (uri.UserInfo.Length > 0)
        {
            return "url must not hold a user name or password; the signature authenticates deliveries";
        }

        return uri.Fragment.Length > 0 ? "url must not have a #fragment" : null;
    }

    public static string? SecretProblem(string? secret) => secret switch
    {
        null or "" => "secret is required: deliveries are signed with it",
        { Length: < MinSecretLength } => $"secret is at least {MinSecretLength} characters",
        { Length: > MaxSecretLength } => $"secret is at most {MaxSecretLength} characters",
        _ => null,
    };

    public static string? EventsProblem(IReadOnlyCollection<string>? events)
    {
        if (events is null || events.Count == 0)
        {
            return $"events must name at least one of {string.Join(", ", WebhookEvents.All)}";
        }

        return events.FirstOrDefault(e => !WebhookEvents.All.Contains(e)) is { } unknown
            ? $"unknown event '{Shorten(unknown)}'; events are {string.Join(", ", WebhookEvents.All)}"
            : null;
    }

    private static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
