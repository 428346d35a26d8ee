using Registry.Core.Access.Policies;

namespace Registry.Core.Tests.Access.Policies;

public class PolicyParserTests
{
    private const string Account = "123456789012";

    [Fact]
    public void A_single_statement_object_is_a_one_statement_policy()
    {
        var policy = PolicyParser.Parse("""
            {"Version":"2012-10-17","Statement":{"Sid":"AllowPush","Effect":"Allow",
             "Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"ecr-public:PutImage"}}
            """);

        Assert.Equal(PolicyDocument.Version2012, policy.Version);
        var statement = Assert.Single(policy.Statements);
        Assert.Equal("Statement", statement.Path);
        Assert.Equal("\"AllowPush\"", statement.Label);
        Assert.Equal(PolicyEffect.Allow, statement.Effect);
        Assert.Equal([Account], statement.Principals.Accounts);
        Assert.Equal(["ecr-public:PutImage"], statement.Actions.Patterns);
        Assert.Equal(["*"], statement.Resources.Patterns);
    }

    [Fact]
    public void The_ecr_public_push_grant_example_parses()
    {
        var policy = PolicyParser.Parse("""
            {"Version":"2008-10-17","Statement":[{"Sid":"AllowPush","Effect":"Allow",
             "Principal":{"AWS":["arn:aws:iam::123456789012:user/push-pull-user-1","arn:aws:iam::123456789012:user/team/push-pull-user-2"]},
             "Action":["ecr-public:BatchCheckLayerAvailability","ecr-public:PutImage","ecr-public:InitiateLayerUpload",
                       "ecr-public:UploadLayerPart","ecr-public:CompleteLayerUpload"]}]}
            """);

        var statement = Assert.Single(policy.Statements);
        Assert.Equal("Statement[0]", statement.Path);
        Assert.Empty(statement.Principals.Accounts);
        Assert.Equal(2, statement.Principals.Arns.Count);
        Assert.All(EcrPublicActions.Push, action => Assert.True(statement.Actions.Matches(action)));
        Assert.False(statement.Actions.Matches(EcrPublicActions.DeleteRepository));
    }

    [Theory]
    [InlineData("\"ecr-public:Describe*\"", 4)]
    [InlineData("\"ecr-public:*\"", 23)]
    [InlineData("\"*\"", 23)]
    [InlineData("\"ECR-PUBLIC:putimage\"", 1)]
    [InlineData("\"ecr-public:?utImage\"", 1)]
    [InlineData("\"ecr-public:*Layer*\"", 4)]
    [InlineData("[\"ecr-public:Get*\",\"ecr-public:Describe*\"]", 8)]
    public void Action_wildcards_cover_the_actions_they_match(string action, int count)
    {
        var policy = PolicyParser.Parse($$$"""{"Statement":{"Effect":"Allow","Principal":"*","Action":{{{action}}}}}""");
        Assert.Equal(count, EcrPublicActions.All.Count(Assert.Single(policy.Statements).Actions.Matches));
    }

    [Fact]
    public void NotAction_covers_every_other_action()
    {
        var policy = PolicyParser.Parse("""{"Statement":{"Effect":"Deny","Principal":"*","NotAction":"ecr-public:Describe*"}}""");
        var actions = Assert.Single(policy.Statements).Actions;
        Assert.True(actions.IsNotAction);
        Assert.False(actions.Matches(EcrPublicActions.DescribeImages));
        Assert.True(actions.Matches(EcrPublicActions.PutImage));
        Assert.Equal(19, EcrPublicActions.All.Count(actions.Matches));
    }

    [Fact]
    public void Principals_and_resources_in_every_accepted_form_parse()
    {
        var policy = PolicyParser.Parse("""
            {"Version":"2008-10-17","Id":"p1","Statement":[
             {"Sid":"a","Effect":"Allow","Principal":{"AWS":["123456789012","arn:aws:iam::210987654321:root","*"]},"Action":"*",
              "Resource":["*","arn:aws:ecr-public::123456789012:repository/team/app","arn:aws:ecr-public::*:repository/app-?"]},
             {"Sid":"b","Effect":"Deny","Principal":{"AWS":"arn:aws:iam::123456789012:user/ci+bot@x.y"},"Action":"ecr-public:PutImage",
              "Resource":"arn:aws:ecr-public::1234567890??:repository/*"}]}
            """);

        Assert.Equal("p1", policy.Id);
        Assert.Equal(["123456789012", "210987654321"], policy.Statements[0].Principals.Accounts);
        Assert.True(policy.Statements[0].Principals.Everyone);
        Assert.Equal(3, policy.Statements[0].Resources.Patterns.Count);
        Assert.Equal(["arn:aws:iam::123456789012:user/ci+bot@x.y"], policy.Statements[1].Principals.Arns);
    }

    [Fact]
    public void Version_may_be_omitted_as_in_iam() =>
        Assert.Equal(PolicyDocument.Version2008,
            PolicyParser.Parse("""{"Statement":{"Effect":"Allow","Principal":"*","Action":"*"}}""").Version);

    [Fact]
    public void Policies_up_to_the_limit_are_accepted()
    {
        var json = """{"Statement":{"Effect":"Allow","Principal":"*","Action":"*"}}""";
        json = json.PadRight(PolicyParser.MaxLength);
        Assert.Equal(PolicyParser.MaxLength, json.Length);
        Assert.Single(PolicyParser.Parse(json).Statements);
    }

    [Theory]
    [MemberData(nameof(InvalidPolicies.Cases), MemberType = typeof(InvalidPolicies))]
    public void Invalid_policies_say_what_is_wrong(string json, string expected)
    {
        var error = Assert.Throws<PolicyException>(() => PolicyParser.Parse(json));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Null_text_is_refused_like_empty_text() =>
        Assert.Contains("policy text is empty", Assert.Throws<PolicyException>(() => PolicyParser.Parse(null)).Message);

    [Fact]
    public void Unpaired_surrogates_are_refused_where_they_are()
    {
        // Not theory data: xunit's serialization would replace the surrogates with U+FFFD.
        var trailing = Assert.Throws<PolicyException>(() =>
            PolicyParser.Parse("{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\"}}\ud800"));
        Assert.Contains("not valid Unicode: unpaired surrogate at character 61", trailing.Message);

        var reversed = Assert.Throws<PolicyException>(() =>
            PolicyParser.Parse("{\"Statement\":{\"Sid\":\"\udc00\ud800\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\"}}"));
        Assert.Contains("unpaired surrogate at character 21", reversed.Message);
    }
}
