namespace Gallery.Testing;

/// <summary>
/// The publisher every test server is bootstrapped with (through the documented Gallery:Bootstrap settings): it owns
/// the alias <c>tests</c>, may create repositories by pushing, and has one access key.
/// </summary>
public static class TestPublisher
{
    public const string Alias = "tests";
    public const string AccessKeyId = "GKTESTPUBLISHER00001";
    public const string SecretAccessKey = "test-publisher-secret-0123456789abcdefghij";

    /// <summary><c>user:password</c>, as skopeo's --creds takes it.</summary>
    public const string Credentials = AccessKeyId + ":" + SecretAccessKey;

    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Gallery:Bootstrap:Alias"] = Alias,
        ["Gallery:Bootstrap:DisplayName"] = "Test Publisher",
        ["Gallery:Bootstrap:AccessKeyId"] = AccessKeyId,
        ["Gallery:Bootstrap:SecretAccessKey"] = SecretAccessKey,
        ["Gallery:Bootstrap:CreateOnPush"] = "true",

        // Tests pull far faster than ECR Public's rates allow; the rate limit tests configure their own.
        ["Gallery:RateLimits:AnonymousPullsPerSecond"] = "0",
        ["Gallery:RateLimits:AuthenticatedPullsPerSecond"] = "0",
    };
}
