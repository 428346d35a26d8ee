using System.Text.Json;
using System.Text.RegularExpressions;

namespace Registry.Core.Access.Policies;

/// <summary>
/// A statement's <c>Resource</c>: <c>"*"</c> or repository ARNs <c>arn:aws:ecr-public::&lt;registry id&gt;:repository/&lt;name&gt;</c>
/// with <c>*</c>/<c>?</c> wildcards, matched case-sensitively. Without <c>Resource</c> a statement covers the
/// repository the policy is attached to.
/// </summary>
public sealed partial class PolicyResources
{
    private const string Forms =
        "use \"*\" or \"arn:aws:ecr-public::<registry id>:repository/<name>\" (wildcards * and ? allowed in the registry id and name)";

    private readonly GlobPattern[] globs;

    private PolicyResources(GlobPattern[] globs) => this.globs = globs;

    /// <summary>The resources of a statement without <c>Resource</c>: everything the policy is attached to.</summary>
    public static PolicyResources Any { get; } = new([new GlobPattern("*", ignoreCase: false)]);

    /// <summary>The patterns as written (<c>"*"</c> when the statement has no <c>Resource</c>).</summary>
    public IReadOnlyList<string> Patterns => globs.Select(glob => glob.Pattern).ToList();

    public bool Matches(string resourceArn)
    {
        foreach (var glob in globs)
        {
            if (glob.IsMatch(resourceArn))
            {
                return true;
            }
        }

        return false;
    }

    internal static PolicyResources Parse(JsonElement element, string path)
    {
        var globs = new List<GlobPattern>();
        foreach (var (value, itemPath) in PolicyJson.TextOrList(element, path))
        {
            if (value != "*" && !RepositoryArn().IsMatch(value))
            {
                throw new PolicyException($"{itemPath} {PolicyJson.Quote(value)} is not a repository ARN; {Forms}");
            }

            globs.Add(new GlobPattern(value, ignoreCase: false));
        }

        return new PolicyResources(globs.ToArray());
    }

    [GeneratedRegex(@"\Aarn:aws:ecr-public::(?:[0-9]{12}|[0-9*?]*[*?][0-9*?]*):repository/[a-z0-9._/*?-]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex RepositoryArn();
}
