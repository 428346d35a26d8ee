using System.Text.Json;
using System.Text.RegularExpressions;

namespace Registry.Core.Access.Policies;

/// <summary>
/// A statement's <c>Principal</c>: everyone (<c>"*"</c>, anonymous callers included), whole accounts (a 12-digit id or
/// <c>arn:aws:iam::&lt;id&gt;:root</c>: any principal of that registry's owner account), or exact user ARNs.
/// </summary>
public sealed partial class PolicyPrincipals
{
    private const string Forms =
        "use \"*\", a 12-digit account id, \"arn:aws:iam::<account id>:root\" or \"arn:aws:iam::<account id>:user/<name>\"";

    private const string Unsupported = "is not supported: this registry's principals are accounts and users under \"AWS\"";

    private static readonly string[] Keys = ["AWS"];

    private static readonly Dictionary<string, string> UnsupportedKeys = new(StringComparer.Ordinal)
    {
        ["Service"] = Unsupported,
        ["Federated"] = Unsupported,
        ["CanonicalUser"] = Unsupported,
    };

    private readonly string[] accounts;
    private readonly string[] arns;

    private PolicyPrincipals(bool everyone, string[] accounts, string[] arns)
    {
        Everyone = everyone;
        this.accounts = accounts;
        this.arns = arns;
    }

    public bool Everyone { get; }

    /// <summary>Account ids (12 digits) whose principals all match, from ids and <c>:root</c> ARNs.</summary>
    public IReadOnlyList<string> Accounts => accounts;

    /// <summary>User ARNs that match exactly.</summary>
    public IReadOnlyList<string> Arns => arns;

    public bool Matches(PolicyRequest request)
    {
        if (Everyone)
        {
            return true;
        }

        if (request.PrincipalRegistryId is { } account && Array.IndexOf(accounts, account) >= 0)
        {
            return true;
        }

        return request.PrincipalArn is { } arn && Array.IndexOf(arns, arn) >= 0;
    }

    internal static PolicyPrincipals Parse(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            return PolicyJson.Text(element, path) == "*"
                ? new PolicyPrincipals(true, [], [])
                : throw new PolicyException($"{path} must be \"*\" or an object such as {{\"AWS\": \"arn:aws:iam::123456789012:root\"}}");
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new PolicyException($"{path} must be \"*\" or an object with \"AWS\", not {PolicyJson.KindOf(element)}");
        }

        var members = PolicyJson.Members(element, path, Keys, UnsupportedKeys);
        if (!members.TryGetValue("AWS", out var aws))
        {
            throw new PolicyException($"{path} must name its principals under \"AWS\"");
        }

        var everyone = false;
        var accounts = new List<string>();
        var arns = new List<string>();
        foreach (var (value, itemPath) in PolicyJson.TextOrList(aws, PolicyJson.Child(path, "AWS")))
        {
            if (value == "*")
            {
                everyone = true;
                continue;
            }

            var match = Principal().Match(value);
            if (!match.Success)
            {
                throw new PolicyException($"{itemPath} {PolicyJson.Quote(value)} is not a valid principal; {Forms}");
            }

            if (match.Groups["user"].Success)
            {
                arns.Add(value);
            }
            else
            {
                accounts.Add(match.Groups["account"].Value);
            }
        }

        return new PolicyPrincipals(everyone, accounts.Distinct().ToArray(), arns.Distinct().ToArray());
    }

    [GeneratedRegex(@"\A(?:(?<account>[0-9]{12})|arn:aws:iam::(?<account>[0-9]{12}):(?:root|(?<user>user/(?:[A-Za-z0-9_+=,.@-]+/)*[A-Za-z0-9_+=,.@-]{1,64})))\z",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Principal();
}
