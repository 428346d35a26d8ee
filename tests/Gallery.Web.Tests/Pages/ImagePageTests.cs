using Gallery.Indexer.Artifacts;
using Gallery.Web.Components.Pages.Repositories;
using Registry.Core.Data.Entities;

namespace Gallery.Web.Tests.Pages;

/// <summary>The image page (through the repository page's route) and the badges of the tags tab, on fake read models.</summary>
public sealed class ImagePageTests : GalleryTestContext
{
    private const string Digest = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    private const string Hostile = "<script>alert('x')</script>";

    private IRenderedComponent<RepositoryPage> Open(string name, string query = "") =>
        Visit<RepositoryPage>($"/acme/{name}{query}", p => p.Add(x => x.Alias, "acme").Add(x => x.Name, name));

    [Fact]
    public void The_image_page_shows_config_layers_and_attachments_with_sbom_text_inert()
    {
        SeedCatalog();
        SupplyChain.Images[$"acme/web-server@{Digest}"] = Image(
            Attachment(1, AttachmentKind.Signature, "cosign", signer: "dev@example.com (issuer https://accounts.example.com)"),
            Attachment(2, AttachmentKind.Sbom, "SPDX-2.3", generator: Hostile, packages: 2),
            Attachment(3, AttachmentKind.Sbom, "CycloneDX 1.5", state: AttachmentState.Unreadable, problem: "the SBOM is not valid JSON"));
        SupplyChain.Packages[2] = [new PackageEntry(Hostile, "1.0", "MIT", "pkg:npm/x@1.0"), new PackageEntry("zlib", "1.2.11", "Zlib", null)];

        var page = Open($"web-server/images/{Digest}");

        Assert.Equal(Digest, page.Find("h1").TextContent);
        Assert.Equal(["Signed", "SBOM"], page.FindAll(".image-header .supply-badge").Select(b => b.TextContent.Trim()));
        Assert.Contains("PATH, SECRET_TOKEN", page.Find(".image-config").TextContent);
        Assert.DoesNotContain("hunter2", page.Markup);
        Assert.Contains("application/vnd.oci.image.layer.v1.tar+gzip", page.Find("section[aria-labelledby=layers-title]").TextContent);
        Assert.Contains("dev@example.com", page.Find("section[aria-labelledby=signatures-title]").TextContent);
        Assert.Contains("Unreadable: the SBOM is not valid JSON", page.Find("section[aria-labelledby=sboms-title]").TextContent);
        Assert.Equal("2 packages", page.Find(".packages [role=status]").TextContent);
        Assert.Empty(page.FindAll("script"));
        Assert.Equal(Hostile, page.Find(".package-table tbody th").TextContent);
        Assert.Contains("cosign verify --certificate-identity 'dev@example.com' --certificate-oidc-issuer 'https://accounts.example.com'",
            page.Find("section[aria-labelledby=commands-title]").TextContent);
    }

    [Fact]
    public void A_digest_the_repository_does_not_hold_is_not_found()
    {
        SeedCatalog();

        var page = Open($"web-server/images/{Digest}");

        Assert.Equal("Image not found", page.Find("h1").TextContent);
    }

    [Fact]
    public void Tag_rows_link_to_their_image_page_and_carry_badges()
    {
        SeedCatalog();
        SupplyChain.Badges["sha256:" + new string('1', 64)] = new ImageSupplyChain(true, false);

        var page = Open("web-server", "?tab=image-tags");

        var latest = page.FindAll(".tags-table tbody tr").First(r => r.TextContent.Contains("latest"));
        Assert.Equal($"/acme/web-server/images/sha256:{new string('1', 64)}", latest.QuerySelector("th a")!.GetAttribute("href"));
        Assert.Equal("Signed", latest.QuerySelector(".supply-badge")!.TextContent.Trim());
        Assert.Equal("/acme/web-server?tab=image-tags&attachmentTags=show", page.Find(".attachment-tags-toggle a").GetAttribute("href"));
    }

    private static ImageDetails Image(params ImageAttachment[] attachments) => new(
        "acme/web-server", Digest, "application/vnd.oci.image.manifest.v1+json", "application/vnd.oci.image.config.v1+json", 500, 2048,
        DateTime.UtcNow.AddDays(-1), ["latest"], [new ImagePlatformEntry("linux", "amd64", null, null, 2048)],
        [new ImageLayerEntry("application/vnd.oci.image.layer.v1.tar+gzip", "sha256:" + new string('2', 64), 2000)],
        new ImageConfigDetails(["/bin/app"], ["serve"], ["PATH", "SECRET_TOKEN"], ["8080/tcp"], [KeyValuePair.Create("org.opencontainers.image.source", Hostile)], null, "/app", DateTime.UtcNow.AddDays(-2)),
        attachments, null);

    private static ImageAttachment Attachment(long id, AttachmentKind kind, string format, string? signer = null, string? generator = null,
        int packages = 0, AttachmentState state = AttachmentState.Readable, string? problem = null) => new(
        id, Digest, null, kind, AttachmentSource.Referrer, null, "sha256:" + new string('3', 64), "application/json", null, format, null, signer,
        generator, null, DateTime.UtcNow, state, problem, packages);
}
