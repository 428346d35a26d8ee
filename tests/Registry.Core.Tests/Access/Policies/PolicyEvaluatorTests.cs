using CsCheck;
using Registry.Core.Access.Policies;

namespace Registry.Core.Tests.Access.Policies;

public class PolicyEvaluatorTests
{
    private const string Owner = "111111111111";
    private const string Other = "222222222222";
    private const string Repository = "arn:aws:ecr-public::111111111111:repository/team/app";

    private static PolicyRequest OwnerAsks(string action, string resource = Repository) =>
        new(Owner, $"arn:aws:iam::{Owner}:root", IsOwner: true, action, resource);

    private static PolicyRequest OtherAsks(string action, string arn = $"arn:aws:iam::{Other}:root", string resource = Repository) =>
        new(Other, arn, IsOwner: false, action, resource);

    private static PolicyRequest AnonymousAsks(string action) => new(null, null, IsOwner: false, action, Repository);

    private static PolicyDocument Policy(params string[] statements) =>
        PolicyParser.Parse($$"""{"Version":"2012-10-17","Statement":[{{string.Join(",", statements)}}]}""");

    private static string Statement(string effect, string principal, string action, string? resource = null, string? sid = null) =>
        $$"""{ {{(sid is null ? "" : $"\"Sid\":\"{sid}\",")}}"Effect":"{{effect}}","Principal":{{principal}},"Action":{{action}}{{(resource is null ? "" : $",\"Resource\":{resource}")}} }""";

    [Fact]
    public void Without_a_policy_the_owner_is_allowed_and_everyone_else_is_not()
    {
        var owner = PolicyEvaluator.Evaluate(null, OwnerAsks(EcrPublicActions.PutImage));
        Assert.Equal(PolicyDecisionKind.AllowedAsOwner, owner.Kind);
        Assert.True(owner.IsAllowed);

        var other = PolicyEvaluator.Evaluate(null, OtherAsks(EcrPublicActions.PutImage));
        Assert.Equal(PolicyDecisionKind.NotAllowed, other.Kind);
        Assert.Contains("the repository has no policy", other.Reason);
        Assert.False(PolicyEvaluator.Evaluate(null, AnonymousAsks(EcrPublicActions.PutImage)).IsAllowed);
    }

    [Fact]
    public void An_explicit_deny_beats_an_allow_whatever_the_order()
    {
        var allow = Statement("Allow", "\"*\"", "\"ecr-public:*\"", sid: "Everyone");
        var deny = Statement("Deny", $$"""{"AWS":"{{Other}}"}""", "\"ecr-public:PutImage\"", sid: "NoPushFromOther");
        foreach (var policy in new[] { Policy(allow, deny), Policy(deny, allow) })
        {
            var decision = PolicyEvaluator.Evaluate(policy, OtherAsks(EcrPublicActions.PutImage));
            Assert.Equal(PolicyDecisionKind.DeniedByStatement, decision.Kind);
            Assert.Contains("explicitly denied by statement \"NoPushFromOther\"", decision.Reason);
            Assert.True(PolicyEvaluator.Evaluate(policy, OtherAsks(EcrPublicActions.DescribeImages)).IsAllowed);
        }
    }

    [Fact]
    public void The_owner_is_denied_by_an_explicit_deny()
    {
        var policy = Policy(Statement("Deny", "\"*\"", "\"ecr-public:Delete*\""));
        var decision = PolicyEvaluator.Evaluate(policy, OwnerAsks(EcrPublicActions.DeleteRepository));
        Assert.False(decision.IsAllowed);
        Assert.Contains("Statement[0]", decision.Reason);
        Assert.True(PolicyEvaluator.Evaluate(policy, OwnerAsks(EcrPublicActions.PutImage)).IsAllowed);
    }

    [Fact]
    public void A_cross_account_grant_allows_exactly_the_push_actions()
    {
        var policy = Policy(Statement("Allow", $$"""{"AWS":"arn:aws:iam::{{Other}}:root"}""",
            """["ecr-public:BatchCheckLayerAvailability","ecr-public:PutImage","ecr-public:InitiateLayerUpload","ecr-public:UploadLayerPart","ecr-public:CompleteLayerUpload"]""",
            sid: "CrossAccountPush"));

        foreach (var action in EcrPublicActions.All)
        {
            var decision = PolicyEvaluator.Evaluate(policy, OtherAsks(action));
            Assert.Equal(EcrPublicActions.Push.Contains(action), decision.IsAllowed);
        }

        var push = PolicyEvaluator.Evaluate(policy, OtherAsks(EcrPublicActions.PutImage, arn: $"arn:aws:iam::{Other}:user/ci"));
        Assert.Equal(PolicyDecisionKind.AllowedByStatement, push.Kind);
        Assert.Contains("allowed by statement \"CrossAccountPush\"", push.Reason);
        Assert.False(PolicyEvaluator.Evaluate(policy, AnonymousAsks(EcrPublicActions.PutImage)).IsAllowed);
        Assert.False(PolicyEvaluator.Evaluate(policy, new PolicyRequest("333333333333", "arn:aws:iam::333333333333:root", false, EcrPublicActions.PutImage, Repository)).IsAllowed);
    }

    [Fact]
    public void A_user_principal_matches_only_that_user()
    {
        var policy = Policy(Statement("Allow", $$"""{"AWS":"arn:aws:iam::{{Other}}:user/ci"}""", "\"ecr-public:PutImage\""));
        Assert.True(PolicyEvaluator.Evaluate(policy, OtherAsks(EcrPublicActions.PutImage, arn: $"arn:aws:iam::{Other}:user/ci")).IsAllowed);
        Assert.False(PolicyEvaluator.Evaluate(policy, OtherAsks(EcrPublicActions.PutImage, arn: $"arn:aws:iam::{Other}:user/cd")).IsAllowed);
        Assert.False(PolicyEvaluator.Evaluate(policy, OtherAsks(EcrPublicActions.PutImage)).IsAllowed);
    }

    [Theory]
    [InlineData("\"*\"", true)]
    [InlineData("{\"AWS\":\"*\"}", true)]
    [InlineData("{\"AWS\":\"222222222222\"}", false)]
    [InlineData("{\"AWS\":[\"222222222222\",\"arn:aws:iam::111111111111:root\"]}", false)]
    public void Anonymous_callers_are_matched_only_by_star(string principal, bool allowed)
    {
        var policy = Policy(Statement("Allow", principal, "\"ecr-public:Describe*\""));
        Assert.Equal(allowed, PolicyEvaluator.Evaluate(policy, AnonymousAsks(EcrPublicActions.DescribeImages)).IsAllowed);
    }

    [Theory]
    [InlineData("\"arn:aws:ecr-public::111111111111:repository/team/*\"", "team/app", true)]
    [InlineData("\"arn:aws:ecr-public::111111111111:repository/team/*\"", "teamwork/app", false)]
    [InlineData("\"arn:aws:ecr-public::*:repository/team/ap?\"", "team/app", true)]
    [InlineData("\"arn:aws:ecr-public::*:repository/team/ap?\"", "team/apps", false)]
    [InlineData("[\"arn:aws:ecr-public::111111111111:repository/other\",\"arn:aws:ecr-public::111111111111:repository/team/app\"]", "team/app", true)]
    [InlineData("\"arn:aws:ecr-public::222222222222:repository/*\"", "team/app", false)]
    [InlineData("\"*\"", "anything", true)]
    public void Resource_wildcards_select_repositories(string resource, string name, bool allowed)
    {
        var policy = Policy(Statement("Allow", "\"*\"", "\"ecr-public:PutImage\"", resource));
        var request = OtherAsks(EcrPublicActions.PutImage, resource: $"arn:aws:ecr-public::{Owner}:repository/{name}");
        Assert.Equal(allowed, PolicyEvaluator.Evaluate(policy, request).IsAllowed);
    }

    [Fact]
    public void Resources_match_case_sensitively_and_actions_do_not()
    {
        var policy = Policy(Statement("Allow", "\"*\"", "\"ecr-public:putimage\"", "\"arn:aws:ecr-public::111111111111:repository/app\""));
        Assert.True(PolicyEvaluator.Evaluate(policy, OtherAsks("ECR-PUBLIC:PUTIMAGE", resource: "arn:aws:ecr-public::111111111111:repository/app")).IsAllowed);
        Assert.False(PolicyEvaluator.Evaluate(policy, OtherAsks(EcrPublicActions.PutImage, resource: "arn:aws:ecr-public::111111111111:repository/App")).IsAllowed);
    }

    [Fact]
    public void Unknown_actions_are_refused_even_to_the_owner()
    {
        var decision = PolicyEvaluator.Evaluate(null, OwnerAsks("ecr-public:Frobnicate"));
        Assert.Equal(PolicyDecisionKind.UnknownAction, decision.Kind);
        Assert.False(decision.IsAllowed);
        Assert.Contains("ecr-public:Frobnicate", decision.Reason);
    }

    [Fact]
    public void A_policy_that_allows_nothing_to_others_says_so()
    {
        var policy = Policy(Statement("Allow", "\"*\"", "\"ecr-public:Describe*\""));
        var decision = PolicyEvaluator.Evaluate(policy, OtherAsks(EcrPublicActions.PutImage));
        Assert.Equal(PolicyDecisionKind.NotAllowed, decision.Kind);
        Assert.Contains($"arn:aws:iam::{Other}:root is not authorized to perform ecr-public:PutImage on {Repository}", decision.Reason);
        Assert.Contains("no statement of the repository policy allows it", decision.Reason);
    }

    [Fact]
    public void Evaluation_allocates_nothing()
    {
        var policy = Policy(
            Statement("Deny", "{\"AWS\":\"333333333333\"}", "\"*\""),
            Statement("Allow", $$"""{"AWS":["arn:aws:iam::{{Other}}:user/ci","{{Other}}"]}""", "\"ecr-public:*Layer*\"", "\"arn:aws:ecr-public::*:repository/team/*\""));
        var request = OtherAsks(EcrPublicActions.UploadLayerPart);
        Assert.True(PolicyEvaluator.Evaluate(policy, request).IsAllowed);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            PolicyEvaluator.Evaluate(policy, request);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Decisions_follow_the_iam_rules_for_random_policies_and_requests() =>
        Gen.Select(PolicyGenerators.ValidPolicy, PolicyGenerators.Request).Sample((policy, request) =>
        {
            var matching = policy.Statements.Where(s =>
                s.Actions.Matches(request.Action) && s.Principals.Matches(request) && s.Resources.Matches(request.ResourceArn)).ToList();
            var expected = matching.Any(s => s.Effect == PolicyEffect.Deny) ? PolicyDecisionKind.DeniedByStatement
                : matching.Count > 0 ? PolicyDecisionKind.AllowedByStatement
                : request.IsOwner ? PolicyDecisionKind.AllowedAsOwner
                : PolicyDecisionKind.NotAllowed;

            var decision = PolicyEvaluator.Evaluate(policy, request);
            Assert.Equal(expected, decision.Kind);
            Assert.Contains(request.Action, decision.Reason);
            if (decision.Statement is { } statement)
            {
                Assert.Contains(matching, s => ReferenceEquals(s, statement));
            }
        });

    [Fact]
    public void A_deny_everything_statement_denies_every_request_even_to_the_owner()
    {
        var denyAll = Assert.Single(Policy(Statement("Deny", "\"*\"", "\"*\"")).Statements);
        Gen.Select(PolicyGenerators.ValidPolicy, PolicyGenerators.Request).Sample((policy, request) =>
        {
            var withDeny = policy with { Statements = [.. policy.Statements, denyAll] };
            Assert.Equal(PolicyDecisionKind.DeniedByStatement, PolicyEvaluator.Evaluate(withDeny, request).Kind);
        });
    }
}
