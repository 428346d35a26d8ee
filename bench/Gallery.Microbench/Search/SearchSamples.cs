using Gallery.Indexer.Documents;

namespace Gallery.Microbench.Search;

/// <summary>A repository as a well-kept gallery page has it: description, About and Usage in Markdown, tags, two platforms.</summary>
public static class SearchSamples
{
    public static RepositoryRecord Repository { get; } = new(
        FullName: "example-team/web-api",
        RegistryKey: 42,
        Alias: "example-team",
        Name: "web-api",
        PublisherDisplayName: "Example Team",
        Verified: true,
        Description: "A small HTTP API for managing orders, built on ASP.NET Core with health checks and OpenTelemetry.",
        AboutText: string.Join("\n\n", Enumerable.Repeat(
            "## About\nThis image runs the orders API behind a reverse proxy. It ships with health endpoints, structured logging, "
            + "Prometheus metrics and graceful shutdown. Images are rebuilt weekly on the latest Debian base for security updates.", 4)),
        UsageText: "## Usage\n```\ndocker run -p 8080:8080 -e ConnectionStrings__Orders=... example-team/web-api:latest\n```\n"
            + "Configure the database with the connection string; mount /data for uploads.",
        Architectures: ["x86-64", "ARM 64"],
        OperatingSystems: ["Linux"],
        Tags: ["latest", "1", "1.4", "1.4.2", "1.4.1", "1.4.0", "1.3.9", "stable", "bookworm", "1.4.2-bookworm", "alpine", "1.4.2-alpine"],
        LogoDigest: "sha256:4fbec69b941195fd56f8212a5000e304129451d82efca94ff0e0fb2d5355472e",
        PullCount: 1_284_311,
        LastPushedAt: new DateTime(2026, 11, 20, 9, 14, 2, DateTimeKind.Utc),
        CreatedAt: new DateTime(2024, 3, 2, 12, 0, 0, DateTimeKind.Utc));
}
