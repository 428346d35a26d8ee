namespace Registry.Core.Webhooks;

/// <summary>A webhook request that breaks a rule; the message says which (an API 400, a console form error).</summary>
public sealed class WebhookException(string message) : Exception(message);
