using Gallery.Web.Components.Pages.Console;
using Registry.Core.Access;
using Registry.Core.Data.Entities;
using Registry.Core.Oci;
using Registry.Core.Repositories.Management;

namespace Gallery.Web.Tests.Console;

/// <summary>The settings page's display name, alias and create-on-push forms, on Registry.Core's real rules.</summary>
public sealed class SettingsPageTests : ConsoleTestContext
{
    [Fact]
    public async Task The_registry_url_and_login_commands_name_this_host_and_the_alias()
    {
        var (cut, _) = await RenderSettingsAsync("settingsurl");

        Assert.Equal("localhost/settingsurl", cut.Find("#registry-url").TextContent);
        Assert.Contains("docker push localhost/settingsurl/NAME:TAG", cut.Markup);
        Assert.Contains("docker login --username ACCESS_KEY_ID localhost", cut.Markup);
        Assert.DoesNotContain("{Host}", cut.Markup);
    }

    [Fact]
    public async Task A_too_long_display_name_is_counted_and_refused_and_a_good_one_is_stored()
    {
        var (cut, caller) = await RenderSettingsAsync("settingsa");

        cut.Find("#display-name").Input(new string('n', 101));
        Assert.Equal("101 / 100 characters — 1 too many", cut.Find(".console-counter").TextContent);
        await cut.Find("#save-display-name").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Equal("the display name is at most 100 characters", cut.Find("#settings-error").TextContent));
        Assert.Empty(cut.FindAll("#settings-message"));
        Assert.Null((await RegistryAsync(caller)).DisplayName);

        cut.Find("#display-name").Input("  Acme Corp ");
        await cut.Find("#save-display-name").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Equal("Display name saved.", cut.Find("#settings-message").TextContent));
        Assert.Empty(cut.FindAll("#settings-error"));
        Assert.Equal("Acme Corp", (await RegistryAsync(caller)).DisplayName);
        Assert.Equal("Acme Corp", cut.Find("#display-name").GetAttribute("value"));
    }

    [Fact]
    public async Task An_alias_taken_reserved_or_malformed_is_refused_as_typed_with_the_rules_message()
    {
        await CreatePublisherAsync("takenalias");
        var (cut, caller) = await RenderSettingsAsync("settingsb");

        cut.Find("#new-alias").Input("takenalias");
        cut.WaitForAssertion(() => Assert.Equal("registry alias 'takenalias' is already taken", cut.Find("#alias-status").TextContent.Trim()));
        Assert.True(cut.Find("#change-alias").HasAttribute("disabled"));
        Assert.Contains("console-error", cut.Find("#alias-status").ClassList);

        cut.Find("#new-alias").Input("console");
        cut.WaitForAssertion(() => Assert.Equal("registry alias 'console' is reserved", cut.Find("#alias-status").TextContent.Trim()));
        Assert.True(cut.Find("#change-alias").HasAttribute("disabled"));

        cut.Find("#new-alias").Input("Bad_Alias");
        Assert.False(RepositoryName.IsValidAlias("Bad_Alias", out var expected));
        cut.WaitForAssertion(() => Assert.Equal(expected, cut.Find("#alias-status").TextContent.Trim()));
        Assert.True(cut.Find("#change-alias").HasAttribute("disabled"));

        cut.Find("#new-alias").Input("settingsb");
        cut.WaitForAssertion(() => Assert.Equal("", cut.Find("#alias-status").TextContent.Trim()));
        Assert.True(cut.Find("#change-alias").HasAttribute("disabled"));
        Assert.Equal("settingsb", (await RegistryAsync(caller)).Alias);
    }

    [Fact]
    public async Task A_free_alias_explains_what_changes_and_renames_the_repositories_only_once_confirmed()
    {
        var caller = await CreatePublisherAsync("settingsc");
        await CreateRepositoryAsync(caller, "app");
        await CreateRepositoryAsync(caller, "tools/cli");
        var cut = await RenderSettingsAsync(caller);

        cut.Find("#new-alias").Input("renamed");
        cut.WaitForAssertion(() => Assert.Equal("renamed is available.", cut.Find("#alias-status").TextContent.Trim()));
        Assert.Contains("Changing the alias renames every repository (settingsc/NAME becomes renamed/NAME)", cut.Find(".console-warning").TextContent.Replace("\n", " "));
        Assert.Empty(cut.FindAll("#confirm-alias"));

        await cut.Find("#change-alias").ClickAsync(new());
        Assert.Equal("Change the alias from settingsc to renamed? Every repository is renamed and pulls by settingsc/NAME stop working.",
            cut.Find("#confirm-alias-text").TextContent);
        await cut.Find("#cancel-change-alias").ClickAsync(new());
        Assert.Empty(cut.FindAll("#confirm-alias"));
        Assert.Equal("settingsc", (await RegistryAsync(caller)).Alias);
        Assert.Equal("settingsc/app", (await RepositoryAsync(caller, "app"))!.FullName);

        await cut.Find("#change-alias").ClickAsync(new());
        await cut.Find("#confirm-change-alias").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Equal("Your registry is now renamed.", cut.Find("#settings-message").TextContent));
        Assert.Equal("renamed", (await RegistryAsync(caller)).Alias);
        Assert.Equal(["renamed/app", "renamed/tools/cli"], new[] { (await RepositoryAsync(caller, "app"))!.FullName, (await RepositoryAsync(caller, "tools/cli"))!.FullName });
        Assert.Equal("localhost/renamed", cut.Find("#registry-url").TextContent);
        Assert.Equal("renamed", (await RunAsync<PublisherService, Caller?>(p => p.FindCallerAsync(caller.AccountId, CancellationToken.None)))!.Alias);
    }

    [Fact]
    public async Task Typing_another_alias_withdraws_a_pending_confirmation()
    {
        var (cut, caller) = await RenderSettingsAsync("settingsd");
        cut.Find("#new-alias").Input("first-choice");
        cut.WaitForAssertion(() => Assert.False(cut.Find("#change-alias").HasAttribute("disabled")));
        await cut.Find("#change-alias").ClickAsync(new());
        cut.WaitForElement("#confirm-alias");

        cut.Find("#new-alias").Input("admin");
        cut.WaitForAssertion(() => Assert.Equal("registry alias 'admin' is reserved", cut.Find("#alias-status").TextContent.Trim()));
        Assert.Empty(cut.FindAll("#confirm-alias"));

        cut.Find("#new-alias").Input("second-choice");
        cut.WaitForAssertion(() => Assert.Equal("second-choice is available.", cut.Find("#alias-status").TextContent.Trim()));
        Assert.Empty(cut.FindAll("#confirm-alias"));
        Assert.Equal("settingsd", (await RegistryAsync(caller)).Alias);
    }

    [Fact]
    public async Task Create_on_push_is_switched_on_and_off_and_stored()
    {
        var (cut, caller) = await RenderSettingsAsync("settingse");
        Assert.False(cut.Find("#create-on-push").HasAttribute("checked"));

        await cut.Find("#create-on-push").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = true });
        cut.WaitForAssertion(() => Assert.Equal("Pushes now create repositories.", cut.Find("#settings-message").TextContent));
        Assert.True((await RegistryAsync(caller)).CreateOnPush);
        Assert.True(cut.Find("#create-on-push").HasAttribute("checked"));

        await cut.Find("#create-on-push").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = false });
        cut.WaitForAssertion(() => Assert.Equal("Pushes no longer create repositories.", cut.Find("#settings-message").TextContent));
        Assert.False((await RegistryAsync(caller)).CreateOnPush);
    }

    [Fact]
    public async Task The_password_form_posts_to_its_endpoint_and_shows_what_it_answered_as_text()
    {
        var caller = await CreatePublisherAsync("settingsf");
        await SignInAsync(caller);

        var changed = Visit<SettingsPage>("/console/settings?password=changed");
        changed.WaitForElement("#password-form");
        Assert.Equal(("post", "/console/account/password"), (changed.Find("#password-form").GetAttribute("method"), changed.Find("#password-form").GetAttribute("action")));
        Assert.Equal("Password changed.", changed.Find("#password-changed").TextContent);
        Assert.Empty(changed.FindAll("#password-error"));

        var refused = Visit<SettingsPage>("/console/settings?passwordError=" + Uri.EscapeDataString("The current password is wrong. <b>x</b>"));
        refused.WaitForElement("#password-error");
        Assert.Equal("The current password is wrong. <b>x</b>", refused.Find("#password-error").TextContent);
        Assert.Empty(refused.FindAll("#password-error b"));
        Assert.Empty(refused.FindAll("#password-changed"));
        Assert.All(refused.FindAll("#password-form input[type=password]"), input => Assert.Null(input.GetAttribute("value")));
    }

    private async Task<(IRenderedComponent<SettingsPage> Page, Caller Caller)> RenderSettingsAsync(string alias)
    {
        var caller = await CreatePublisherAsync(alias);
        return (await RenderSettingsAsync(caller), caller);
    }

    private async Task<IRenderedComponent<SettingsPage>> RenderSettingsAsync(Caller caller)
    {
        await SignInAsync(caller);
        var cut = Render<SettingsPage>();
        cut.WaitForElement("#new-alias");
        return cut;
    }

    private async Task<PublicRegistry> RegistryAsync(Caller caller) =>
        (await RunAsync<PublisherService, PublicRegistry?>(p => p.FindRegistryAsync(caller.AccountId, CancellationToken.None)))!;

    private async Task<ManagedRepository?> RepositoryAsync(Caller caller, string name) =>
        await RunAsync<RepositoryManagementService, ManagedRepository?>(m => m.FindManagedAsync(caller.RegistryKey, name, CancellationToken.None));
}
