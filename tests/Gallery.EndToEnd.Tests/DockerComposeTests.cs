using Gallery.Testing.Processes;

namespace Gallery.EndToEnd.Tests;

/// <summary>
/// The deployment files at the repository root stay valid: docker-compose.yml parses (no container engine needed
/// for `docker-compose config`) and wires two web nodes behind a reverse proxy to PostgreSQL and an S3 bucket, and the
/// Dockerfile publishes a project that exists.
/// </summary>
public sealed class DockerComposeTests
{
    [Fact]
    public async Task Compose_file_is_valid_and_wires_two_nodes_behind_a_proxy_to_postgres_and_a_bucket()
    {
        var root = RepositoryRoot();
        var result = await ProcessRunner.RunAsync(
            "docker-compose",
            ["-f", Path.Combine(root, "docker-compose.yml"), "config"],
            TimeSpan.FromSeconds(60),
            workingDirectory: root,
            environment: new Dictionary<string, string?> { ["GALLERY_DB_PASSWORD"] = null, ["GALLERY_S3_SECRET"] = null, ["COMPOSE_FILE"] = null });

        result.EnsureSuccess();
        Assert.Equal(0, result.ExitCode);
        var output = result.StandardOutput;
        foreach (var service in new[] { "postgres:", "s3:", "bucket:", "web1:", "web2:", "proxy:" })
        {
            Assert.Contains($"\n  {service}\n", output, StringComparison.Ordinal);
        }

        // Both nodes: the same database and bucket, their own index replica.
        foreach (var setting in new[]
        {
            "Gallery__Database__Provider: Postgres", "Host=postgres;Database=gallery;Username=gallery;Password=gallery",
            "Gallery__Storage__Provider: S3", "Gallery__Storage__S3__ServiceUrl: http://s3:9000", "Gallery__Storage__S3__Bucket: gallery",
            "Gallery__Access__Service: gallery",
        })
        {
            Assert.Equal(2, output.Split(setting).Length - 1);
        }

        Assert.Contains("Gallery__Index__Name: web1", output, StringComparison.Ordinal);
        Assert.Contains("Gallery__Index__Name: web2", output, StringComparison.Ordinal);
        Assert.Contains("service_healthy", output, StringComparison.Ordinal);
        Assert.Contains("service_completed_successfully", output, StringComparison.Ordinal);
        var proxy = File.ReadAllText(Path.Combine(root, "deploy", "nginx.conf"));
        Assert.Contains("server web1:5000;", proxy, StringComparison.Ordinal);
        Assert.Contains("server web2:5000;", proxy, StringComparison.Ordinal);
        Assert.Contains("client_max_body_size 0;", proxy, StringComparison.Ordinal);
        // The nodes' own health check asks for readiness (docker-compose config prints the test as a list).
        Assert.Contains("http://127.0.0.1:5000/readyz", output, StringComparison.Ordinal);
        Assert.Equal(2, output.Split("Gallery__KeyRing__KeyFile: /run/secrets/gallery-keyring").Length - 1);
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
