using System.Text.Json;

namespace Registry.Core.Access.Policies;

/// <summary>
/// A statement's <c>Action</c> or <c>NotAction</c>. Each pattern (<c>*</c> and <c>?</c> wildcards, case-insensitive as
/// in IAM) must match at least one ECR Public action; the set is compiled to a bit mask over
/// <see cref="EcrPublicActions.All"/>, so evaluating it is one AND.
/// </summary>
public sealed class PolicyActions
{
    private static readonly uint AllActions = (uint)((1UL << EcrPublicActions.All.Count) - 1);

    private readonly uint mask;

    private PolicyActions(IReadOnlyList<string> patterns, bool isNotAction, uint mask)
    {
        Patterns = patterns;
        IsNotAction = isNotAction;
        this.mask = mask;
    }

    /// <summary>The patterns as written.</summary>
    public IReadOnlyList<string> Patterns { get; }

    /// <summary>True for <c>NotAction</c>: the statement covers every action the patterns do not match.</summary>
    public bool IsNotAction { get; }

    /// <summary>Whether the statement covers <paramref name="action"/> (e.g. <c>ecr-public:PutImage</c>, any case).</summary>
    public bool Matches(string action) => Matches(EcrPublicActions.IndexOf(action));

    internal bool Matches(int actionIndex) => actionIndex >= 0 && (mask & (1u << actionIndex)) != 0;

    internal static PolicyActions Parse(JsonElement element, string path, bool isNotAction)
    {
        var patterns = new List<string>();
        var matched = 0u;
        foreach (var (value, itemPath) in PolicyJson.TextOrList(element, path))
        {
            var bits = Compile(value, itemPath);
            patterns.Add(value);
            matched |= bits;
        }

        return new PolicyActions(patterns, isNotAction, isNotAction ? AllActions & ~matched : matched);
    }

    private static uint Compile(string pattern, string path)
    {
        var glob = new GlobPattern(pattern, ignoreCase: true);
        var bits = 0u;
        for (var i = 0; i < EcrPublicActions.All.Count; i++)
        {
            if (glob.IsMatch(EcrPublicActions.All[i]))
            {
                bits |= 1u << i;
            }
        }

        if (bits != 0)
        {
            return bits;
        }

        throw new PolicyException(pattern.StartsWith(EcrPublicActions.Prefix, StringComparison.OrdinalIgnoreCase)
            ? $"{path} {PolicyJson.Quote(pattern)} matches no ECR Public action (they are \"ecr-public:<operation>\", e.g. \"{EcrPublicActions.PutImage}\" or \"ecr-public:Describe*\")"
            : $"{path} {PolicyJson.Quote(pattern)} is not an ECR Public action; actions are \"*\" or start with \"{EcrPublicActions.Prefix}\"");
    }
}
