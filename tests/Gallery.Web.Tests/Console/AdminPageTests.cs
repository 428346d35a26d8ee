using Gallery.Web.Components.Pages.Console;
using Registry.Core.Access;
using Registry.Core.Data.Entities;

namespace Gallery.Web.Tests.Console;

/// <summary>The administration page: suspending and restoring publishers, verifying registries, and what that does.</summary>
public sealed class AdminPageTests : ConsoleTestContext
{
    [Fact]
    public async Task A_suspended_publisher_is_refused_everywhere_until_restored()
    {
        var publisher = await CreatePublisherAsync("suspendme");
        var key = await RunAsync<AccessKeyService, AccessKeyService.CreatedKey>(k => k.CreateAsync(publisher.AccountId, null, CancellationToken.None));
        var cut = await RenderAsAdministratorAsync("admina");

        await cut.Find("#suspend-suspendme").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Equal("Restore", cut.Find("#suspend-suspendme").TextContent));
        Assert.Equal("Suspended", Row(cut, "suspendme")[4]);
        Assert.Null(await RunAsync<PublisherService, Caller?>(p => p.FindCallerAsync(publisher.AccountId, CancellationToken.None)));
        Assert.Null(await RunAsync<CredentialVerifier, Caller?>(v => v.VerifyAsync(key.AccessKeyId, key.SecretAccessKey, CancellationToken.None)));

        await SignInAsync(publisher);
        var console = Render<SettingsPage>();
        console.WaitForAssertion(() => Assert.Contains("This account cannot use the console: it is suspended", console.Find("[role=alert]").TextContent));
        Assert.Empty(console.FindAll("#new-alias"));
        await SignInAsync(Administrator!);

        await cut.Find("#suspend-suspendme").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Equal("Suspend", cut.Find("#suspend-suspendme").TextContent));
        Assert.Equal("Active", Row(cut, "suspendme")[4]);
        Assert.Equal("suspendme", (await RunAsync<PublisherService, Caller?>(p => p.FindCallerAsync(publisher.AccountId, CancellationToken.None)))?.Alias);
        Assert.NotNull(await RunAsync<CredentialVerifier, Caller?>(v => v.VerifyAsync(key.AccessKeyId, key.SecretAccessKey, CancellationToken.None)));
    }

    [Fact]
    public async Task A_registry_is_verified_and_unverified()
    {
        var publisher = await CreatePublisherAsync("verifyme");
        var cut = await RenderAsAdministratorAsync("adminb");
        Assert.Equal("Not verified: verify", cut.Find("#verify-verifyme").TextContent);

        await cut.Find("#verify-verifyme").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Equal("Verified: unverify", cut.Find("#verify-verifyme").TextContent));
        Assert.True((await RegistryAsync(publisher)).Verified);

        await cut.Find("#verify-verifyme").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Equal("Not verified: verify", cut.Find("#verify-verifyme").TextContent));
        Assert.False((await RegistryAsync(publisher)).Verified);
    }

    [Fact]
    public async Task An_administrator_cannot_suspend_their_own_account_and_is_told_so()
    {
        var cut = await RenderAsAdministratorAsync("adminc");

        await cut.Find("#suspend-adminc").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Equal("you cannot suspend your own account", cut.Find("[role=alert]").TextContent));
        Assert.Equal("Active", Row(cut, "adminc")[4]);
        Assert.NotNull(await RunAsync<PublisherService, Caller?>(p => p.FindCallerAsync(Administrator!.AccountId, CancellationToken.None)));
    }

    [Fact]
    public async Task An_administrator_suspended_while_the_page_was_open_changes_nothing()
    {
        var publisher = await CreatePublisherAsync("stillactive");
        var cut = await RenderAsAdministratorAsync("admind");
        var other = await CreatePublisherAsync("otheradmin", administrator: true);
        await RunAsync<AdministrationService, bool>(async a =>
        {
            await a.SetSuspendedAsync(Administrator!.AccountId, true, other.AccountId, CancellationToken.None);
            return true;
        });

        await cut.Find("#suspend-stillactive").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Contains("This account cannot use the console: it is suspended", cut.Find("[role=alert]").TextContent));
        Assert.Empty(cut.FindAll("#publishers-table"));
        Assert.NotNull(await RunAsync<PublisherService, Caller?>(p => p.FindCallerAsync(publisher.AccountId, CancellationToken.None)));
    }

    private Caller? Administrator { get; set; }

    private async Task<IRenderedComponent<AdminPage>> RenderAsAdministratorAsync(string alias)
    {
        Administrator = await CreatePublisherAsync(alias, administrator: true);
        await SignInAsync(Administrator);
        var cut = Render<AdminPage>();
        cut.WaitForElement($"#suspend-{alias}");
        return cut;
    }

    private async Task<RegistrySettings> RegistryAsync(Caller caller) =>
        (await RunAsync<RegistrySettingsService, RegistrySettings?>(p => p.FindAsync(caller.AccountId, CancellationToken.None)))!;

    private static string[] Row(IRenderedComponent<AdminPage> cut, string alias) =>
        cut.FindAll("#publishers-table tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).Single(r => r[0].StartsWith(alias, StringComparison.Ordinal));
}
