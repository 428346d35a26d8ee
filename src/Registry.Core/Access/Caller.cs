namespace Registry.Core.Access;

/// <summary>Who is making a request, once authenticated: an account and the registry it owns. Anonymous callers have none.</summary>
public sealed record Caller(string AccountId, long RegistryKey, string RegistryId, string Alias, bool IsAdministrator)
{
    /// <summary>The caller's principal ARN, as repository policies name it.</summary>
    public string Arn => $"arn:aws:iam::{RegistryId}:root";
}
