using Gallery.Testing.Processes;

namespace Gallery.EndToEnd.Tests;

/// <summary>
/// The deployment files at the repository root stay valid: docker-compose.yml parses (no container engine needed
/// for `docker-compose config`) and wires the web app to PostgreSQL, and the Dockerfile publishes a project that exists.
/// </summary>
public sealed class DockerComposeTests
{
    [Fact]
    public async Task Compose_file_is_valid_and_wires_web_to_postgres()
    {
        var root = RepositoryRoot();
        var result = await ProcessRunner.RunAsync(
            "docker-compose",
            ["-f", Path.Combine(root, "docker-compose.yml"), "config"],
            TimeSpan.FromSeconds(60),
            workingDirectory: root,
            environment: new Dictionary<string, string?> { ["GALLERY_DB_PASSWORD"] = null, ["COMPOSE_FILE"] = null });

        result.EnsureSuccess();
        Assert.Equal(0, result.ExitCode);
        var output = result.StandardOutput;
        Assert.Contains("postgres:", output, StringComparison.Ordinal);
        Assert.Contains("web:", output, StringComparison.Ordinal);
        Assert.Contains("Gallery__Database__Provider: Postgres", output, StringComparison.Ordinal);
        Assert.Contains("Host=postgres;Database=gallery;Username=gallery;Password=gallery", output, StringComparison.Ordinal);
        Assert.Contains("service_healthy", output, StringComparison.Ordinal);
        // The web service's own health check asks for readiness (docker-compose config prints the test as a list).
        Assert.Contains("http://127.0.0.1:5000/readyz", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Dockerfile_publishes_the_web_project_and_listens_on_all_interfaces()
    {
        var root = RepositoryRoot();
        var dockerfile = File.ReadAllText(Path.Combine(root, "Dockerfile"));

        Assert.Contains("dotnet publish src/Gallery.Web ", dockerfile, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(root, "src", "Gallery.Web", "Gallery.Web.csproj")));
        // appsettings.json sets "Urls" (localhost), which outranks ASPNETCORE_URLS; only an unprefixed Urls overrides it.
        Assert.Contains("Urls=http://+:5000", dockerfile, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^HEALTHCHECK .*CMD curl .*http://127\.0\.0\.1:5000/healthz", dockerfile);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Gallery.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no Gallery.sln above {AppContext.BaseDirectory}");
    }
}
