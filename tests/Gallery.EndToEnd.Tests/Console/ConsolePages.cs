using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Gallery.EndToEnd.Tests.Console;

/// <summary>What console tests do in a browser before their own steps: sign up, and wait for a page's circuit.</summary>
internal static class ConsolePages
{
    /// <summary>
    /// Signing up hashes a password and creates the account and its registry; on a busy CI machine (every test
    /// assembly running at once) that plus the first circuit can take longer than the default 15 s.
    /// </summary>
    private const float SignUpTimeout = 60_000;

    /// <summary>Signs up (password "Password-1" + user) and lands, signed in, on the interactive repositories page.</summary>
    public static async Task SignUpAsync(IPage page, string user, string alias)
    {
        await page.GotoAsync("/console/signup");
        await page.FillAsync("#signup-user", user);
        await page.FillAsync("#signup-password", "Password-1" + user);
        await page.FillAsync("#signup-confirm", "Password-1" + user);
        await page.FillAsync("#signup-alias", alias);
        await page.FillAsync("#signup-display", "E2E " + user);
        await page.ClickAsync("form.console-form button[type=submit]");
        await page.WaitForURLAsync(new Regex("/console/repositories"), new() { WaitUntil = WaitUntilState.Commit, Timeout = SignUpTimeout });
        await page.Locator(".console[data-interactive=true]").WaitForAsync(new() { Timeout = SignUpTimeout });
    }

    /// <summary>Waits for the page's circuit and its loaded content: input typed or files chosen before would be lost.</summary>
    public static Task InteractiveAsync(IPage page) => page.Locator(".console[data-interactive=true]").WaitForAsync();
}
