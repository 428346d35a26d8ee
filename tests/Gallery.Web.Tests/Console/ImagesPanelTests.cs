using Gallery.Web.Components.Console;
using Registry.Core.Access;
using Registry.Core.Data.Entities;
using Registry.Core.Oci;
using Registry.Core.Repositories.Images;
using Registry.Core.Repositories.Management;

namespace Gallery.Web.Tests.Console;

/// <summary>The Images tab: images pushed through the registry's services, listed, and deleted by tag or digest after confirming.</summary>
public sealed class ImagesPanelTests : ConsoleTestContext
{
    [Fact]
    public async Task Each_image_is_listed_with_its_tags_platforms_size_and_digest()
    {
        var (caller, repository) = await RepositoryAsync("imagesa");
        var amd64 = await ConsoleImages.PushAsync(Services, Name(caller), "amd64", 100 * 1024, "latest", "1.0");
        var arm64 = await ConsoleImages.PushAsync(Services, Name(caller), "arm64", 2 * 1024 * 1024, "1.1-arm");
        var untagged = await ConsoleImages.PushAsync(Services, Name(caller), "riscv64", 10);

        var cut = Render<ImagesPanel>(p => p.Add(c => c.Caller, caller).Add(c => c.Repository, repository).Add(c => c.Host, "registry.test"));
        cut.WaitForElement("#images-table");

        Assert.Equal(["Tags", "Platforms", "Digest", "Size", "Pushed", "Pull", ""], cut.FindAll("#images-table thead th").Select(th => th.TextContent));
        var rows = Rows(cut);
        Assert.Equal(3, rows.Count);
        var amd64Row = rows.Single(r => r.Digest == amd64);
        Assert.Equal(("1.0 latest", "linux/amd64", amd64[..19] + "…", "100 KB", "just now"),
            (string.Join(" ", amd64Row.Tags), amd64Row.Cells[1], amd64Row.Cells[2], amd64Row.Cells[3], amd64Row.Cells[4]));
        Assert.Contains("docker pull registry.test/imagesa/app:1.0", amd64Row.Cells[5]);
        var armRow = rows.Single(r => r.Digest == arm64);
        Assert.Equal(("1.1-arm", "linux/arm64", "2 MB"), (string.Join(" ", armRow.Tags), armRow.Cells[1], armRow.Cells[3]));
        var untaggedRow = rows.Single(r => r.Digest == untagged);
        Assert.Equal(("", "linux/riscv64"), (string.Join(" ", untaggedRow.Tags), untaggedRow.Cells[1]));
        Assert.Contains($"docker pull registry.test/imagesa/app@{untagged}", untaggedRow.Cells[5]);
    }

    [Fact]
    public async Task A_tag_is_deleted_only_once_confirmed_and_the_last_tag_takes_its_image_along()
    {
        var (caller, repository) = await RepositoryAsync("imagesb");
        var digest = await ConsoleImages.PushAsync(Services, Name(caller), "amd64", 64, "latest", "1.0");
        var cut = Render<ImagesPanel>(p => p.Add(c => c.Caller, caller).Add(c => c.Repository, repository));
        cut.WaitForElement("#images-table");

        await cut.Find("button[aria-label='Delete tag latest']").ClickAsync(new());
        Assert.Equal("Delete the tag latest? Pulls of imagesb/app:latest stop working; if it is the image's last tag, the image is deleted too.",
            cut.Find("#confirm-delete-text").TextContent.Trim());
        await cut.Find("#cancel-delete").ClickAsync(new());
        Assert.Empty(cut.FindAll("#confirm-delete"));
        Assert.Equal(["1.0", "latest"], (await ImageAsync(repository, digest))!.Tags);

        await cut.Find("button[aria-label='Delete tag latest']").ClickAsync(new());
        await cut.Find("#confirm-delete").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Equal(["1.0"], Rows(cut).Single().Tags));
        Assert.Equal(["1.0"], (await ImageAsync(repository, digest))!.Tags);
        Assert.Empty(cut.FindAll("#confirm-delete"));

        await cut.Find("button[aria-label='Delete tag 1.0']").ClickAsync(new());
        await cut.Find("#confirm-delete").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Contains("No image yet. Push one:", cut.Markup));
        Assert.Null(await ImageAsync(repository, digest));
    }

    [Fact]
    public async Task An_image_is_deleted_with_all_its_tags_once_confirmed_and_the_others_stay()
    {
        var (caller, repository) = await RepositoryAsync("imagesc");
        var deleted = await ConsoleImages.PushAsync(Services, Name(caller), "amd64", 64, "old", "stable");
        var kept = await ConsoleImages.PushAsync(Services, Name(caller), "arm64", 64, "new");
        var cut = Render<ImagesPanel>(p => p.Add(c => c.Caller, caller).Add(c => c.Repository, repository));
        cut.WaitForElement("#images-table");

        await cut.Find($"button[aria-label='Delete image {deleted}']").ClickAsync(new());
        Assert.Equal($"Delete the image {deleted} and all its tags?", cut.Find("#confirm-delete-text").TextContent.Trim());
        await cut.Find("#cancel-delete").ClickAsync(new());
        Assert.NotNull(await ImageAsync(repository, deleted));

        await cut.Find($"button[aria-label='Delete image {deleted}']").ClickAsync(new());
        await cut.Find("#confirm-delete").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Equal([kept], Rows(cut).Select(r => r.Digest)));
        Assert.Null(await ImageAsync(repository, deleted));
        Assert.Null(await RunAsync<ImageQueryService, ImageSummary?>(q => q.FindByTagAsync(repository.Id, "stable", CancellationToken.None)));
        Assert.Equal(["new"], (await ImageAsync(repository, kept))!.Tags);
        Assert.Empty(cut.FindAll("[role=alert]"));
    }

    private async Task<(Caller Caller, ManagedRepository Repository)> RepositoryAsync(string alias)
    {
        var caller = await CreatePublisherAsync(alias);
        await CreateRepositoryAsync(caller, "app");
        await SignInAsync(caller);
        var repository = (await RunAsync<RepositoryManagementService, ManagedRepository?>(m => m.FindManagedAsync(caller.RegistryKey, "app", CancellationToken.None)))!;
        return (caller, repository);
    }

    private static RepositoryName Name(Caller caller) => new(caller.Alias, "app");

    private async Task<ImageSummary?> ImageAsync(ManagedRepository repository, string digest) =>
        await RunAsync<ImageQueryService, ImageSummary?>(q => q.FindByDigestAsync(repository.Id, digest, CancellationToken.None));

    private sealed record Row(string Digest, string[] Tags, string[] Cells);

    private static List<Row> Rows(IRenderedComponent<ImagesPanel> cut) =>
        cut.FindAll("#images-table tbody tr").Select(tr => new Row(
            tr.QuerySelector("code[title]")!.GetAttribute("title")!,
            tr.QuerySelectorAll(".console-tag").Select(t => t.FirstChild!.TextContent.Trim()).ToArray(),
            tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray())).ToList();
}
