using System.Text.Json;
using Gallery.Testing;
using Gallery.Testing.Processes;

namespace Gallery.EndToEnd.Tests;

/// <summary>
/// The Debian awscli (<c>/usr/bin/aws</c>, called by full path: a pyenv shim may shadow it on PATH) driving
/// <c>aws ecr-public</c> against the test server as the bootstrap publisher, with a throwaway HOME. A missing
/// awscli fails the test.
/// </summary>
internal sealed class AwsCli(GalleryProcess gallery, string home, string accessKeyId = TestPublisher.AccessKeyId, string secretAccessKey = TestPublisher.SecretAccessKey)
{
    private const string Executable = "/usr/bin/aws";

    public async Task<JsonElement> EcrPublicAsync(params string[] arguments)
    {
        var result = (await RunAsync(arguments)).EnsureSuccess();
        return result.StandardOutput.Trim().Length == 0 ? default : JsonDocument.Parse(result.StandardOutput).RootElement.Clone();
    }

    /// <summary>get-login-password expected to fail (a revoked key); returns its standard error.</summary>
    public async Task<string> GetLoginPasswordFailingAsync() => (await RunAsync(["get-login-password"])).EnsureFailure().StandardError;

    /// <summary>A command expected to fail; returns its standard error (the CLI prints the AWS error type there).</summary>
    public async Task<string> EcrPublicFailingAsync(params string[] arguments) => (await RunAsync(arguments)).EnsureFailure().StandardError;

    public async Task<string> GetLoginPasswordAsync() => (await RunAsync(["get-login-password"])).EnsureSuccess().StandardOutput.Trim();

    private Task<ProcessResult> RunAsync(IEnumerable<string> arguments)
    {
        if (!File.Exists(Executable))
        {
            throw Tools.Missing("aws (awscli)", "apt-get install -y awscli");
        }

        return ProcessRunner.RunAsync(Executable,
            ["ecr-public", .. arguments, "--endpoint-url", gallery.BaseAddress.ToString().TrimEnd('/'), "--no-cli-pager", "--output", "json"],
            environment: new Dictionary<string, string?>
            {
                ["HOME"] = home,
                ["AWS_ACCESS_KEY_ID"] = accessKeyId,
                ["AWS_SECRET_ACCESS_KEY"] = secretAccessKey,
                ["AWS_DEFAULT_REGION"] = "us-east-1",
                ["AWS_CONFIG_FILE"] = Path.Combine(home, "config"),
                ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(home, "credentials"),
                ["AWS_PAGER"] = "",
                ["AWS_EC2_METADATA_DISABLED"] = "true",
            });
    }
}
