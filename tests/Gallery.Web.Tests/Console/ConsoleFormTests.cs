using Gallery.Web.Components.Console;
using Gallery.Web.Components.Pages.Console;
using Microsoft.AspNetCore.Components;
using Registry.Core.Access;
using Registry.Core.Oci;
using Registry.Core.Repositories.CatalogData;
using Registry.Core.Repositories.Management;

namespace Gallery.Web.Tests.Console;

/// <summary>The console's forms and their messages, on Registry.Core's real rules.</summary>
public sealed class ConsoleFormTests : ConsoleTestContext
{
    [Fact]
    public async Task A_repository_name_is_checked_as_typed_with_the_rules_message()
    {
        var caller = await CreatePublisherAsync("formsa");
        await SignInAsync(caller);
        var cut = Render<RepositoriesPage>();
        cut.WaitForElement("#new-repository-name");

        cut.Find("#new-repository-name").Input("Bad_Name");
        Assert.False(RepositoryName.IsValidName("Bad_Name", out var expected));
        Assert.Equal(expected, cut.Find("#new-repository-help").TextContent.Trim());
        Assert.True(cut.Find("#create-repository").HasAttribute("disabled"));

        cut.Find("#new-repository-name").Input("tools/cli");
        Assert.False(cut.Find("#create-repository").HasAttribute("disabled"));
        await cut.Find("#create-repository").ClickAsync(new());
        Assert.EndsWith("/console/repositories/tools/cli", Navigation.Uri);
        Assert.NotNull(await RunAsync<RepositoryManagementService, ManagedRepository?>(m => m.FindManagedAsync(caller.RegistryKey, "tools/cli", CancellationToken.None)));
    }

    [Fact]
    public async Task The_catalog_editor_counts_characters_refuses_too_long_text_and_saves_scripts_as_text()
    {
        var caller = await CreatePublisherAsync("formsb");
        await CreateRepositoryAsync(caller, "app");
        await SignInAsync(caller);
        var repository = (await RunAsync<RepositoryManagementService, ManagedRepository?>(m => m.FindManagedAsync(caller.RegistryKey, "app", CancellationToken.None)))!;
        var cut = Render<CatalogEditor>(p => p.Add(c => c.Caller, caller).Add(c => c.Repository, repository));

        cut.Find("#catalog-description").Input(new string('x', RepositoryCatalogValidator.MaxDescriptionLength + 1));
        Assert.Contains("1,025 / 1,024 characters — 1 too many", cut.Markup);
        Assert.Contains("description is 1025 characters; the limit is 1024", cut.Markup);
        Assert.True(cut.Find("#catalog-save").HasAttribute("disabled"));

        const string payload = "<script>alert(1)</script><img src=x onerror=alert(2)>";
        cut.Find("#catalog-description").Input(payload);
        cut.Find("#catalog-about").Input("# Hi\n\n" + payload);
        Assert.Empty(cut.Find("#catalog-about-preview").QuerySelectorAll("script, [onerror]"));
        Assert.Equal("Unsaved changes", cut.Find("#catalog-state").TextContent);
        await cut.Find("#catalog-save").ClickAsync(new());
        cut.WaitForElement("#catalog-saved");

        var stored = (await RunAsync<RepositoryManagementService, ManagedRepository?>(m => m.FindManagedAsync(caller.RegistryKey, "app", CancellationToken.None)))!;
        Assert.Equal(payload, stored.Description);
        Assert.Equal("# Hi\n\n" + payload, stored.AboutText);
    }

    [Fact]
    public async Task A_save_over_a_change_made_in_another_tab_is_refused_and_said()
    {
        var caller = await CreatePublisherAsync("formsc");
        await CreateRepositoryAsync(caller, "app");
        await SignInAsync(caller);
        var repository = (await RunAsync<RepositoryManagementService, ManagedRepository?>(m => m.FindManagedAsync(caller.RegistryKey, "app", CancellationToken.None)))!;
        var first = Render<CatalogEditor>(p => p.Add(c => c.Caller, caller).Add(c => c.Repository, repository));
        var second = Render<CatalogEditor>(p => p.Add(c => c.Caller, caller).Add(c => c.Repository, repository));

        second.Find("#catalog-description").Input("from the second tab");
        await second.Find("#catalog-save").ClickAsync(new());
        second.WaitForElement("#catalog-saved");
        first.Find("#catalog-description").Input("from the first tab");
        await first.Find("#catalog-save").ClickAsync(new());

        Assert.Contains("was changed elsewhere", first.Find("#catalog-error").TextContent);
        var stored = (await RunAsync<RepositoryManagementService, ManagedRepository?>(m => m.FindManagedAsync(caller.RegistryKey, "app", CancellationToken.None)))!;
        Assert.Equal("from the second tab", stored.Description);
    }

    [Fact]
    public async Task A_fake_or_oversized_logo_is_refused_with_a_clear_message()
    {
        var caller = await CreatePublisherAsync("formsd");
        await CreateRepositoryAsync(caller, "app");
        var repository = (await RunAsync<RepositoryManagementService, ManagedRepository?>(m => m.FindManagedAsync(caller.RegistryKey, "app", CancellationToken.None)))!;
        var cut = Render<CatalogEditor>(p => p.Add(c => c.Caller, caller).Add(c => c.Repository, repository));

        cut.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>().UploadFiles(InputFileContent.CreateFromText("<svg/>", "logo.png", contentType: "image/png"));
        cut.WaitForAssertion(() => Assert.Contains("logo.png is not a PNG or JPEG image", cut.Find("#catalog-logo-error").TextContent));

        var big = new byte[RepositoryCatalogValidator.MaxLogoBytes + 1];
        big[0] = 0x89;
        cut.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>().UploadFiles(InputFileContent.CreateFromBinary(big, "big.png", contentType: "image/png"));
        cut.WaitForAssertion(() => Assert.Contains("a logo is at most 512,000 bytes", cut.Find("#catalog-logo-error").TextContent));
        Assert.Equal("All changes saved", cut.Find("#catalog-state").TextContent);
    }

    [Fact]
    public void The_policy_editor_shows_the_parsers_message()
    {
        Assert.NotNull(PolicyEditor.ProblemOf("{ not json"));
        Assert.NotNull(PolicyEditor.ProblemOf("""{"Version":"2012-10-17","Statement":[{"Effect":"Maybe","Principal":"*","Action":"ecr-public:*"}]}"""));
        Assert.Null(PolicyEditor.ProblemOf("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"ecr-public:BatchCheckLayerAvailability"}]}"""));
    }

    [Fact]
    public async Task Another_publishers_repository_is_not_found_and_unchanged()
    {
        var owner = await CreatePublisherAsync("ownera");
        await CreateRepositoryAsync(owner, "private-app");
        var other = await CreatePublisherAsync("othera");
        await SignInAsync(other);

        Navigation.NavigateTo("/console/repositories/private-app?tab=delete");
        var cut = Render<RepositoryConsolePage>(p => p.Add(c => c.Name, "private-app"));
        cut.WaitForAssertion(() => Assert.Contains("Repository not found", cut.Markup));
        Assert.Empty(cut.FindAll("#delete-repository"));
        Assert.NotNull(await RunAsync<RepositoryManagementService, ManagedRepository?>(m => m.FindManagedAsync(owner.RegistryKey, "private-app", CancellationToken.None)));
    }

    [Fact]
    public async Task Administration_is_refused_to_publishers_and_verifies_for_administrators()
    {
        var publisher = await CreatePublisherAsync("plainp");
        await SignInAsync(publisher);
        var refused = Render<AdminPage>();
        refused.WaitForElement("#admin-refused");
        Assert.Empty(refused.FindAll("#publishers-table"));

        var admin = await CreatePublisherAsync("admina", administrator: true);
        await SignInAsync(admin);
        var cut = Render<AdminPage>();
        cut.WaitForElement("#verify-plainp");
        await cut.Find("#verify-plainp").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Contains("Verified: unverify", cut.Find("#verify-plainp").TextContent));
        await cut.Find("#suspend-plainp").ClickAsync(new());
        Assert.Null(await RunAsync<PublisherService, Caller?>(p => p.FindCallerAsync(publisher.AccountId, CancellationToken.None)));
    }
}
