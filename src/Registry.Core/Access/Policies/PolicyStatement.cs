namespace Registry.Core.Access.Policies;

public enum PolicyEffect
{
    Allow,
    Deny,
}

/// <summary>One statement; <paramref name="Path"/> is where it sits in the document (<c>Statement[1]</c>).</summary>
public sealed record PolicyStatement(
    string Path,
    string? Sid,
    PolicyEffect Effect,
    PolicyPrincipals Principals,
    PolicyActions Actions,
    PolicyResources Resources)
{
    /// <summary>How messages name the statement: its Sid if it has one, else its path.</summary>
    public string Label => string.IsNullOrEmpty(Sid) ? Path : $"\"{Sid}\"";

    internal bool Matches(PolicyRequest request, int actionIndex) =>
        Actions.Matches(actionIndex) && Principals.Matches(request) && Resources.Matches(request.ResourceArn);
}
