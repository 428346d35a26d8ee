using System.Text.RegularExpressions;
using Gallery.EndToEnd.Tests.Pages;
using Microsoft.Playwright;
using static Gallery.EndToEnd.Tests.Console.ConsolePages;

namespace Gallery.EndToEnd.Tests.Console;

/// <summary>Changing the password in Settings: the form's refusals, then the new password is the one that signs in.</summary>
public abstract class ConsolePasswordTests(GalleryFixture fixture) : GalleryTest(fixture)
{
    [Fact]
    public async Task A_publisher_changes_the_password_stays_signed_in_and_signs_in_with_the_new_one_only()
    {
        var user = "pw" + Guid.NewGuid().ToString("N")[..8];
        string oldPassword = "Password-1" + user, newPassword = "a new pass phrase for " + user;
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync(Gallery.BaseAddress);
        await SignUpAsync(page, user, user);

        await ChangePasswordAsync(page, "not-the-password", newPassword, newPassword);
        await Assertions.Expect(page.Locator("#password-error")).ToHaveTextAsync("The current password is wrong.");
        await ChangePasswordAsync(page, oldPassword, newPassword, newPassword + "x");
        await Assertions.Expect(page.Locator("#password-error")).ToHaveTextAsync("The two passwords differ.");
        await ChangePasswordAsync(page, oldPassword, newPassword, newPassword);
        await Assertions.Expect(page.Locator("#password-changed")).ToHaveTextAsync("Password changed.");
        await Assertions.Expect(page.Locator("#password-error")).ToHaveCountAsync(0);

        // Still signed in on this browser (its cookie was renewed with the new security stamp).
        await page.GotoAsync("/console/keys");
        await InteractiveAsync(page);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/console/keys$"));

        await page.ClickAsync(".console-signout button");
        await page.WaitForURLAsync(new Regex("/$"));
        await SignInAsync(page, user, oldPassword);
        await Assertions.Expect(page.Locator(".console-error")).ToHaveTextAsync("Wrong user name or password.");
        await SignInAsync(page, user, newPassword);
        await page.WaitForURLAsync(new Regex("/console/repositories"));
    }

    private static async Task ChangePasswordAsync(IPage page, string current, string replacement, string confirmation)
    {
        await page.GotoAsync("/console/settings");
        await InteractiveAsync(page);
        await page.FillAsync("#current-password", current);
        await page.FillAsync("#new-password", replacement);
        await page.FillAsync("#confirm-password", confirmation);
        await page.ClickAsync("#change-password");
        await page.WaitForURLAsync(new Regex("/console/settings\\?password"));
        await InteractiveAsync(page);
    }

    private static async Task SignInAsync(IPage page, string user, string password)
    {
        await page.GotoAsync("/console/signin");
        await page.FillAsync("#signin-user", user);
        await page.FillAsync("#signin-password", password);
        await page.ClickAsync("form.console-form button[type=submit]");
    }
}

[Collection(SqliteGallery.Name)]
public sealed class SqliteConsolePasswordTests(SqliteGalleryFixture fixture) : ConsolePasswordTests(fixture);

[Collection(PostgresGallery.Name)]
public sealed class PostgresConsolePasswordTests(PostgresGalleryFixture fixture) : ConsolePasswordTests(fixture);
