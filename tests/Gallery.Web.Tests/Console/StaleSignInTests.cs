using Gallery.Web.Components.Pages.Console;
using Gallery.Web.Console;
using Microsoft.AspNetCore.Identity;
using Registry.Core.Access;
using Registry.Core.Data.Entities;

namespace Gallery.Web.Tests.Console;

/// <summary>
/// A console page keeps the sign-in it was opened with for as long as its circuit lives; once the password changes or
/// the account is suspended, that page can change nothing (here: make an access key, which would outlive the session),
/// says why, and sends the browser to sign in again.
/// </summary>
public sealed class StaleSignInTests : ConsoleTestContext
{
    [Fact]
    public async Task A_page_opened_before_the_password_changed_makes_no_key()
    {
        var caller = await CreatePublisherAsync("stalepw");
        var cut = await OpenKeysPageAsync(caller);

        var changed = await RunAsync<UserManager<Account>, IdentityResult>(async users =>
            await users.ChangePasswordAsync((await users.FindByIdAsync(caller.AccountId))!, "Password-123", "Another-password-456"));
        Assert.True(changed.Succeeded);

        await cut.Find("#create-key").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Equal(ConsoleSession.StaleSignIn, cut.Find("#key-error").TextContent));
        Assert.Empty(await KeysAsync(caller));
        Assert.StartsWith("http://localhost/console/signin?error=This%20sign-in%20is%20no%20longer%20valid", Navigation.Uri);
    }

    [Fact]
    public async Task A_page_opened_before_the_account_was_suspended_makes_no_key()
    {
        var caller = await CreatePublisherAsync("stalesusp");
        var cut = await OpenKeysPageAsync(caller);

        await RunAsync<AdministrationService, bool>(async a =>
        {
            await a.SetSuspendedAsync(caller.AccountId, true, "an-administrator", CancellationToken.None);
            return true;
        });

        await cut.Find("#create-key").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Equal(ConsoleSession.StaleSignIn, cut.Find("#key-error").TextContent));
        Assert.Empty(await KeysAsync(caller));
        Assert.StartsWith("http://localhost/console/signin?error=This%20sign-in%20is%20no%20longer%20valid", Navigation.Uri);
    }

    private async Task<IRenderedComponent<KeysPage>> OpenKeysPageAsync(Caller caller)
    {
        await SignInAsync(caller);
        var cut = Render<KeysPage>();
        cut.WaitForElement("#keys-table");
        return cut;
    }

    private Task<List<AccessKeyService.KeySummary>> KeysAsync(Caller caller) =>
        RunAsync<AccessKeyService, List<AccessKeyService.KeySummary>>(k => k.ListAsync(caller.AccountId, CancellationToken.None));
}
