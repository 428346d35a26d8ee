using System.Security.Cryptography;
using CsCheck;
using Registry.Core.Oci;

namespace Registry.Core.Tests.Oci;

public class DigestTests
{
    [Fact]
    public void Computed_digests_round_trip_through_parse() =>
        Gen.Byte.Array[0, 200].Select(Gen.OneOf(Digest.Sha256, Digest.Sha512)).Sample((bytes, algorithm) =>
        {
            var digest = Digest.Compute(bytes, algorithm);
            Assert.Equal(digest, Digest.Parse(digest.ToString()));
            var expected = algorithm == Digest.Sha256 ? SHA256.HashData(bytes) : SHA512.HashData(bytes);
            Assert.Equal(Convert.ToHexStringLower(expected), digest.Hex);
        });

    [Fact]
    public void Arbitrary_text_never_throws_from_try_parse() =>
        Gen.String.Sample(text =>
        {
            if (Digest.TryParse(text, out var digest, out var error))
            {
                Assert.Equal(text, digest.ToString());
            }
            else
            {
                Assert.False(string.IsNullOrWhiteSpace(error));
            }
        });

    [Theory]
    [InlineData("", "required")]
    [InlineData("sha256", "not a digest")]
    [InlineData(":abc", "not a digest")]
    [InlineData("md5:5eb63bbbe01eeed093cb22bb8f5acdc3", "not supported")]
    [InlineData("sha256:abc", "64 lowercase hex")]
    [InlineData("sha256:B94D27B9934D3E08A52E52D7DA7DABFAC484EFE37A5380EE9088F7ACE2EFCDE9", "64 lowercase hex")]
    [InlineData("sha512:b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9", "128 lowercase hex")]
    public void Invalid_digests_say_what_is_wrong(string text, string expected)
    {
        Assert.False(Digest.TryParse(text, out _, out var error));
        Assert.Contains(expected, error);
    }
}
