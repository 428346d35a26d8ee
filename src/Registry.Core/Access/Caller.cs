namespace Registry.Core.Access;

/// <summary>Who is making a request, once authenticated: an account and the registry it owns. Anonymous callers have none.</summary>
public sealed record Caller(string AccountId, long RegistryKey, string RegistryId, string Alias, bool IsAdministrator, string UserName)
{
    /// <summary>The access key the caller authenticated with, when it used one (registry clients and the ECR Public API do).</summary>
    public string? AccessKeyId { get; init; }

    /// <summary>The caller's principal ARN, as repository policies name it.</summary>
    public string Arn => $"arn:aws:iam::{RegistryId}:root";
}
