using System.Text;
using Registry.Core.Access.SigV4;

namespace Registry.Core.Tests.EcrPublic;

/// <summary>The signing primitives against AWS's published SigV4 test suite (aws-sig-v4-test-suite, 2015-08-30 vectors).</summary>
public sealed class SigV4SignatureTests
{
    private const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private const string AmzDate = "20150830T123600Z";
    private const string Scope = "20150830/us-east-1/service/aws4_request";

    [Fact]
    public void Signing_key_matches_the_published_derivation() =>
        Assert.Equal("938127b5336810ddb6a5d6af445fcac9e371f9ed418ed386b022aed82901be75",
            Convert.ToHexStringLower(SigV4Signature.SigningKey(Secret, "20150830", "us-east-1", "service")));

    [Theory]
    [InlineData("GET", "/", "", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")] // get-vanilla
    [InlineData("GET", "/", "Param2=value2&Param1=value1", "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500")] // get-vanilla-query-order-key-case
    [InlineData("POST", "/", "", "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b")] // post-vanilla
    [InlineData("GET", "/\u1234", "", "8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85")] // get-utf8
    public void Signatures_match_the_test_suite(string method, string path, string query, string expected)
    {
        var canonical = SigV4Signature.CanonicalRequest(method, SigV4Signature.CanonicalUri(path), SigV4Signature.CanonicalQuery(query),
            [KeyValuePair.Create("host", "example.amazonaws.com"), KeyValuePair.Create("x-amz-date", AmzDate)],
            SigV4Signature.PayloadHash([]));
        var key = SigV4Signature.SigningKey(Secret, "20150830", "us-east-1", "service");
        Assert.Equal(expected, SigV4Signature.Sign(key, SigV4Signature.StringToSign(AmzDate, Scope, canonical)));
    }

    [Fact]
    public void Get_vanilla_canonical_request_is_exact() =>
        Assert.Equal(
            "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            SigV4Signature.CanonicalRequest("GET", "/", "", [KeyValuePair.Create("host", "example.amazonaws.com"), KeyValuePair.Create("x-amz-date", AmzDate)], SigV4Signature.PayloadHash([])));

    [Theory]
    [InlineData("/example/..", "/")]
    [InlineData("/./", "/")]
    [InlineData("//example//", "/example/")]
    [InlineData("/example space/", "/example%20space/")]
    public void Canonical_uris_are_normalised(string raw, string canonical) => Assert.Equal(canonical, SigV4Signature.CanonicalUri(raw));

    [Fact]
    public void Header_values_are_trimmed_and_spaces_collapsed() =>
        Assert.Equal("value1,a b c", SigV4Signature.CanonicalHeaderValue(["  value1 ", "a   b   c"]));

    [Theory]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/ecr-public/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31", true)]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKID/2015/us-east-1/ecr-public/aws4_request, SignedHeaders=host, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31", false)]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/ecr-public/aws4_request, SignedHeaders=Host, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31", false)]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/ecr-public/aws4_request, SignedHeaders=host, Signature=xyz", false)]
    [InlineData("AWS4-HMAC-SHA1 Credential=AKID/20150830/us-east-1/ecr-public/aws4_request, SignedHeaders=host, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31", false)]
    [InlineData("AWS4-HMAC-SHA256 SignedHeaders=host", false)]
    public void Authorization_headers_parse_only_when_complete(string header, bool valid) =>
        Assert.Equal(valid, SigV4Authorization.TryParse(header, out _, out _));

    [Fact]
    public void Payload_hash_is_hex_sha256() =>
        Assert.Equal("9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e", SigV4Signature.PayloadHash(Encoding.UTF8.GetBytes("Param1=value1")));
}
