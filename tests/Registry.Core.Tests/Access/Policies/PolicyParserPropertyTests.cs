using CsCheck;
using Registry.Core.Access.Policies;

namespace Registry.Core.Tests.Access.Policies;

/// <summary>Whatever the text, the parser returns a policy or throws <see cref="PolicyException"/>, nothing else.</summary>
public class PolicyParserPropertyTests
{
    [Fact]
    public void Arbitrary_text_is_parsed_or_refused_with_a_policy_exception() =>
        Gen.String.Sample(text => ParseOrRefuse(text), iter: 20_000);

    [Fact]
    public void Arbitrary_policy_shaped_json_is_parsed_or_refused_with_a_policy_exception() =>
        PolicyGenerators.PolicyLike.Sample(json => ParseOrRefuse(json), iter: 10_000);

    [Fact]
    public void Corrupted_valid_policies_are_parsed_or_refused_with_a_policy_exception()
    {
        const string valid = """
            {"Version":"2012-10-17","Statement":[{"Sid":"p","Effect":"Allow","Principal":{"AWS":["123456789012"]},
             "Action":["ecr-public:PutImage","ecr-public:*Layer*"],"Resource":"arn:aws:ecr-public::123456789012:repository/*"}]}
            """;
        Gen.Select(Gen.Int[0, valid.Length - 1], Gen.Int[0, 5], Gen.Char)
            .Sample((at, cut, c) => ParseOrRefuse(valid[..at] + c + valid[Math.Min(valid.Length, at + cut)..]), iter: 20_000);
    }

    private static void ParseOrRefuse(string text)
    {
        try
        {
            var policy = PolicyParser.Parse(text);
            Assert.NotEmpty(policy.Statements);
        }
        catch (PolicyException e)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
        }
    }
}
