namespace Registry.Core.Access.Tokens;

/// <summary>What a valid bearer token allows: who holds it (null when anonymous) and the scopes granted.</summary>
public sealed record RegistryGrant(string? AccountId, IReadOnlyList<RegistryScope> Access, DateTime ExpiresAt)
{
    /// <summary>How the holder is named on the events its changes record (see <see cref="Events.EventActor"/>).</summary>
    public string? Actor { get; init; }

    /// <summary>The access key the token was issued from, when its holder signed in with one.</summary>
    public string? AccessKeyId { get; init; }

    /// <summary>
    /// Worked out from the database for this very request (the GetAuthorizationToken value used as the bearer token)
    /// rather than read from a token issued earlier, so nothing has changed since.
    /// </summary>
    public bool IsCurrent { get; init; }

    public bool Allows(string type, string name, string action) =>
        Access.Any(s => s.Type == type && s.Name == name && s.Allows(action));
}
