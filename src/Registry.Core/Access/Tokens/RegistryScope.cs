namespace Registry.Core.Access.Tokens;

/// <summary>
/// One entry of a token's access list, in the Docker token format: <c>repository:&lt;name&gt;:pull,push</c> asks for it,
/// and the issued token lists what was granted.
/// </summary>
public sealed record RegistryScope(string Type, string Name, IReadOnlyList<string> Actions)
{
    public const string Pull = "pull";
    public const string Push = "push";
    public const string Delete = "delete";
    public const string RepositoryType = "repository";

    public override string ToString() => $"{Type}:{Name}:{string.Join(',', Actions)}";

    /// <summary>
    /// Parses the scopes in the request's scope parameters (several may share one, separated by spaces); malformed ones
    /// are dropped. Stops once it has more than <paramref name="limit"/>, which is enough to tell the request asks too much.
    /// </summary>
    public static List<RegistryScope> ParseAll(IEnumerable<string?> values, int limit)
    {
        var scopes = new List<RegistryScope>();
        foreach (var value in values)
        {
            foreach (var text in (value ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (scopes.Count > limit)
                {
                    return scopes;
                }

                var first = text.IndexOf(':');
                var last = text.LastIndexOf(':');
                if (first <= 0 || last <= first + 1)
                {
                    continue;
                }

                var actions = text[(last + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                scopes.Add(new RegistryScope(text[..first], text[(first + 1)..last], actions));
            }
        }

        return scopes;
    }

    public bool Allows(string action) => Actions.Contains(action) || Actions.Contains("*");
}
