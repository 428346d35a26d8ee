namespace Registry.Core.Access.Tokens;

/// <summary>What a valid bearer token allows: who holds it (null when anonymous) and the scopes granted.</summary>
public sealed record RegistryGrant(string? AccountId, IReadOnlyList<RegistryScope> Access, DateTime ExpiresAt)
{
    /// <summary>How the holder is named on the events its changes record (see <see cref="Events.EventActor"/>).</summary>
    public string? Actor { get; init; }

    public bool Allows(string type, string name, string action) =>
        Access.Any(s => s.Type == type && s.Name == name && s.Allows(action));
}
