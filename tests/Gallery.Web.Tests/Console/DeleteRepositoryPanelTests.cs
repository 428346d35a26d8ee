using Gallery.Web.Components.Console;
using Registry.Core.Access;
using Registry.Core.Data.Entities;
using Registry.Core.Oci;
using Registry.Core.Repositories.Images;
using Registry.Core.Repositories.Management;

namespace Gallery.Web.Tests.Console;

/// <summary>The Delete tab: nothing is deleted until the repository's exact name is typed.</summary>
public sealed class DeleteRepositoryPanelTests : ConsoleTestContext
{
    [Fact]
    public async Task The_button_stays_disabled_until_the_exact_name_is_typed_and_a_wrong_name_deletes_nothing()
    {
        var (caller, repository, digest) = await RepositoryWithImageAsync("deletea");
        var cut = Render<DeleteRepositoryPanel>(p => p.Add(c => c.Caller, caller).Add(c => c.Repository, repository));
        Assert.Equal("Type tools/cli to confirm", cut.Find("label[for=delete-confirm-name]").TextContent);
        Assert.True(cut.Find("#delete-repository").HasAttribute("disabled"));

        foreach (var wrong in new[] { "tools", "Tools/cli", "tools/cli ", "deletea/tools/cli" })
        {
            cut.Find("#delete-confirm-name").Input(wrong);
            Assert.True(cut.Find("#delete-repository").HasAttribute("disabled"), wrong);
            await cut.Find("#delete-repository").ClickAsync(new());
        }

        Assert.NotNull(await FindAsync(caller));
        Assert.NotNull(await RunAsync<ImageQueryService, ImageSummary?>(q => q.FindByDigestAsync(repository.Id, digest, CancellationToken.None)));
        Assert.Equal("http://localhost/", Navigation.Uri);
    }

    [Fact]
    public async Task The_exact_name_deletes_the_repository_and_its_images_and_returns_to_the_list()
    {
        var (caller, repository, digest) = await RepositoryWithImageAsync("deleteb");
        var cut = Render<DeleteRepositoryPanel>(p => p.Add(c => c.Caller, caller).Add(c => c.Repository, repository));

        cut.Find("#delete-confirm-name").Input("tools/cli");
        Assert.False(cut.Find("#delete-repository").HasAttribute("disabled"));
        await cut.Find("#delete-repository").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal("http://localhost/console/repositories", Navigation.Uri));
        Assert.Null(await FindAsync(caller));
        Assert.Null(await RunAsync<ImageQueryService, ImageSummary?>(q => q.FindByDigestAsync(repository.Id, digest, CancellationToken.None)));
        Assert.Empty(cut.FindAll("[role=alert]"));
    }

    [Fact]
    public async Task A_repository_deleted_meanwhile_is_said_to_be_gone()
    {
        var (caller, repository, _) = await RepositoryWithImageAsync("deletec");
        var cut = Render<DeleteRepositoryPanel>(p => p.Add(c => c.Caller, caller).Add(c => c.Repository, repository));
        var stored = (await FindAsync(caller))!;
        await RunAsync<RepositoryManagementService, bool>(async m =>
        {
            await m.DeleteAsync(stored.Id, force: true, CancellationToken.None);
            return true;
        });

        cut.Find("#delete-confirm-name").Input("tools/cli");
        await cut.Find("#delete-repository").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal("The repository deletec/tools/cli no longer exists.", cut.Find("[role=alert]").TextContent));
        Assert.Equal("http://localhost/", Navigation.Uri);
    }

    private async Task<(Caller Caller, ManagedRepository Repository, string Digest)> RepositoryWithImageAsync(string alias)
    {
        var caller = await CreatePublisherAsync(alias);
        await CreateRepositoryAsync(caller, "tools/cli");
        await SignInAsync(caller);
        var digest = await ConsoleImages.PushAsync(Services, new RepositoryName(caller.Alias, "tools/cli"), "amd64", 64, "latest");
        return (caller, (await FindAsync(caller))!, digest);
    }

    private async Task<ManagedRepository?> FindAsync(Caller caller) =>
        await RunAsync<RepositoryManagementService, ManagedRepository?>(m => m.FindManagedAsync(caller.RegistryKey, "tools/cli", CancellationToken.None));
}
