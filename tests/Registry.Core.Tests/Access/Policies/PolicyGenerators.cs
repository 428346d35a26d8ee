using CsCheck;
using Registry.Core.Access.Policies;

namespace Registry.Core.Tests.Access.Policies;

/// <summary>
/// Policy-shaped JSON for property tests: mostly well-formed and mostly valid element by element, so samples reach
/// every check of the parser and some pass all of them.
/// </summary>
public static class PolicyGenerators
{
    private static readonly Gen<string> Junk = Gen.Recursive<string>((depth, value) => Gen.Frequency(
        (4, Gen.OneOf("\"\"", "\"\\ud800\"", "\"x\\u0000\"", "\"*\"", "\"Allow\"", "\"ecr-public:*\"")),
        (2, Gen.OneOf("1", "true", "null", "{}", "[]")),
        (depth < 3 ? 1 : 0, value.Array[0, 3].Select(List)),
        (depth < 3 ? 1 : 0, Gen.Select(Gen.OneOf("AWS", "Service", "Effect", "\\ud800"), value).Array[0, 2].Select(Object))));

    private static readonly Gen<string> Principal = Gen.Frequency(
        (1, Gen.Const("\"*\"")),
        (6, StringOrList(
                "*", "123456789012", "arn:aws:iam::123456789012:root", "arn:aws:iam::123456789012:user/ci",
                "arn:aws:iam::123456789012:role/ci", "12345", "arn:aws:iam::*:root")
            .Select(aws => Object([("AWS", aws)]))),
        (1, Gen.Const("{\"Service\":\"ecs.amazonaws.com\"}")));

    private static readonly Gen<string> Action = StringOrList(
        "*", "ecr-public:*", "ecr-public:PutImage", "ECR-PUBLIC:putimage", "ecr-public:Describe*", "ecr-public:?utImage",
        "ecr-public:Frobnicate", "s3:GetObject", "ecr:BatchGetImage", "");

    private static readonly Gen<string> Resource = StringOrList(
        "*", "arn:aws:ecr-public::123456789012:repository/app", "arn:aws:ecr-public::*:repository/team/*",
        "arn:aws:ecr-public:us-east-1:123456789012:repository/app", "arn:aws:s3:::bucket", "arn:aws:ecr-public::1:repository/App");

    private static readonly Gen<(string, string)[]> Actions = Gen.Frequency(
        (8, Element(Action).Select(a => new[] { ("Action", a) })),
        (2, Element(Action).Select(a => new[] { ("NotAction", a) })),
        (1, Gen.Select(Action, Action).Select((a, n) => new[] { ("Action", a), ("NotAction", n) })),
        (1, Gen.Const(Array.Empty<(string, string)>())));

    private static readonly Gen<string> Statement =
        Gen.Select(
            Member("Sid", Gen.OneOf("\"a\"", "\"b\"", "\"\""), present: 1, absent: 1),
            Member("Effect", Gen.OneOf("\"Allow\"", "\"Deny\"", "\"Allow\"", "\"Deny\"", "\"allow\""), present: 12, absent: 1),
            Member("Principal", Principal, present: 12, absent: 1),
            Actions,
            Member("Resource", Resource, present: 1, absent: 1),
            Member(Gen.OneOf("Condition", "NotPrincipal", "NotResource", "effect", "Extra"), Junk, present: 1, absent: 12))
        .Select((sid, effect, principal, actions, resource, extra) => Object([.. sid, .. effect, .. principal, .. actions, .. resource, .. extra]));

    /// <summary>A policy document whose every element is sometimes missing, of the wrong kind, or an extra key.</summary>
    public static readonly Gen<string> PolicyLike =
        Gen.Select(
            Member("Version", Gen.OneOf("\"2012-10-17\"", "\"2008-10-17\"", "\"2012-10-17\"", "\"2008-10-17\"", "\"2012-10-18\""), present: 12, absent: 1),
            Member("Statement", Gen.Frequency((1, Statement), (3, Statement.Array[0, 3].Select(List))), present: 30, absent: 1),
            Member(Gen.OneOf("Id", "Statements"), Junk, present: 1, absent: 12))
        .Select((version, statement, extra) => Object([.. version, .. statement, .. extra]));

    /// <summary>A valid policy: every element well-formed, chosen so that statements overlap in interesting ways.</summary>
    public static readonly Gen<PolicyDocument> ValidPolicy =
        Gen.Select(
                Gen.OneOf("Allow", "Allow", "Deny"),
                Gen.OneOf("*", "123456789012", "arn:aws:iam::210987654321:root", "arn:aws:iam::123456789012:user/ci").Array[1, 3],
                Gen.OneOf("*", "ecr-public:*", "ecr-public:PutImage", "ecr-public:*Layer*", "ecr-public:Describe*").Array[1, 3],
                Gen.OneOf("Action", "Action", "NotAction"),
                Gen.OneOf("*", "arn:aws:ecr-public::123456789012:repository/*", "arn:aws:ecr-public::*:repository/app?").Array[0, 2])
            .Select((effect, principals, actions, actionKey, resources) =>
                $$"""{"Effect":"{{effect}}","Principal":{"AWS":{{Strings(principals)}}},"{{actionKey}}":{{Strings(actions)}}{{(resources.Length == 0 ? "" : $",\"Resource\":{Strings(resources)}")}}}""")
            .Array[1, 4]
            .Select(statements => PolicyParser.Parse($"{{\"Version\":\"2012-10-17\",\"Statement\":[{string.Join(",", statements)}]}}"));

    /// <summary>Requests from the accounts, users, actions and repositories <see cref="ValidPolicy"/> names, and others.</summary>
    public static readonly Gen<PolicyRequest> Request =
        Gen.Select(
                Gen.OneOf<string?>("123456789012", "210987654321", "333333333333", null),
                Gen.Bool,
                Gen.Bool,
                Gen.OneOf(EcrPublicActions.All.ToArray()),
                Gen.OneOf("app1", "app12", "team/app"),
                Gen.OneOf("123456789012", "210987654321"))
            .Select((account, user, owner, action, name, registry) => new PolicyRequest(
                account,
                account is null ? null : user ? $"arn:aws:iam::{account}:user/ci" : $"arn:aws:iam::{account}:root",
                owner && account is not null,
                action,
                $"arn:aws:ecr-public::{registry}:repository/{name}"));

    /// <summary>An element's value: usually a plausible one, sometimes junk of any kind.</summary>
    private static Gen<string> Element(Gen<string> good) => Gen.Frequency((12, good), (1, Junk));

    /// <summary>A member with odds of being present (with an <see cref="Element"/> value) or absent.</summary>
    private static Gen<(string, string)[]> Member(string key, Gen<string> good, int present, int absent) =>
        Member(Gen.Const(key), good, present, absent);

    private static Gen<(string, string)[]> Member(Gen<string> key, Gen<string> good, int present, int absent) =>
        Gen.Frequency(
            (present, Gen.Select(key, Element(good)).Select((k, v) => new[] { (k, v) })),
            (absent, Gen.Const(Array.Empty<(string, string)>())));

    private static Gen<string> StringOrList(params string[] values)
    {
        var one = Gen.OneOf(values).Select(v => $"\"{v}\"");
        return Gen.Frequency((2, one), (1, one.Array[1, 3].Select(List)));
    }

    private static string Strings(string[] values) => List(values.Select(v => $"\"{v}\"").ToArray());

    private static string List(string[] items) => $"[{string.Join(",", items)}]";

    private static string Object((string Key, string Value)[] members) =>
        "{" + string.Join(",", members.Select(m => $"\"{m.Key}\":{m.Value}")) + "}";
}
