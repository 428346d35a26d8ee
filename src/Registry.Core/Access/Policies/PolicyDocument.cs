namespace Registry.Core.Access.Policies;

/// <summary>A parsed, validated repository policy; compiled for evaluation, so parse once per policy change.</summary>
public sealed record PolicyDocument(string Version, string? Id, IReadOnlyList<PolicyStatement> Statements)
{
    public const string Version2012 = "2012-10-17";
    public const string Version2008 = "2008-10-17";
}
