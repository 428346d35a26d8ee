using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Gallery.EndToEnd.Tests.Pages;
using Gallery.Testing.OciLayouts;
using Microsoft.Playwright;
using static Gallery.EndToEnd.Tests.Console.ConsolePages;

namespace Gallery.EndToEnd.Tests.Console;

/// <summary>
/// The publisher console in Debian's Chromium against the real server: sign up, create a repository, create an
/// access key, log in with <c>aws ecr-public get-login-password</c> and push with skopeo, edit the catalog page
/// (markdown table and code block, a script payload, a fake and a real logo), see the public page follow, set the
/// registry logo, delete a tag, read who did what in Activity, revoke the key and see the next push refused. Screenshots under TestResults/screenshots/console-*.
/// </summary>
public abstract class ConsoleEndToEndTests(GalleryFixture fixture) : GalleryTest(fixture)
{
    /// <summary>A 1×1 PNG.</summary>
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private const string About = """
        # Console e2e

        | Tag | Meaning |
        |-----|---------|
        | 1.0 | first   |

        ```sh
        docker run example
        ```
        """;

    /// <summary>A page that did not render says why: the server's own log of the failure, not a locator timeout.</summary>
    private void AssertShown(Microsoft.Playwright.IResponse? response) =>
        Assert.True(response is { Ok: true }, $"{response?.Url} answered {response?.Status}\n--- server output ---\n{Gallery.OutputTail}");

    private string Shot(string name) => $"console-{Gallery.Database.Provider.ToString().ToLowerInvariant()}-{name}";

    [Fact]
    public async Task A_publisher_signs_up_pushes_edits_the_page_deletes_a_tag_and_revokes_the_key()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var alias = "pub" + id;
        const string name = "app";
        var repository = $"{alias}/{name}";
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync(Gallery.BaseAddress);
        var alerts = 0;
        page.Dialog += (_, dialog) =>
        {
            alerts += dialog.Type == "alert" ? 1 : 0;
            _ = dialog.AcceptAsync();
        };

        // Signed out, the console sends you to sign in.
        await page.GotoAsync("/console/repositories");
        await page.WaitForURLAsync(new Regex("/console/signin\\?ReturnUrl="));

        // Sign up: lands in the console, signed in; a reload keeps the session.
        await SignUpAsync(page, "user" + id, alias);
        await Browser.ScreenshotAsync(page, Shot("repositories"));
        await page.ReloadAsync();
        await InteractiveAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("My repositories");

        // Create a repository: the name is checked as it is typed.
        await page.FillAsync("#new-repository-name", "Bad_Name");
        await Assertions.Expect(page.Locator("#new-repository-help.console-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#create-repository")).ToBeDisabledAsync();
        await page.FillAsync("#new-repository-name", name);
        await Assertions.Expect(page.Locator("#create-repository")).ToBeEnabledAsync();
        await page.ClickAsync("#create-repository");
        await page.WaitForURLAsync(new Regex($"/console/repositories/{name}$"));

        // An access key: the secret is shown once.
        await page.GotoAsync("/console/keys");
        await InteractiveAsync(page);
        await page.FillAsync("#key-description", "e2e");
        await page.ClickAsync("#create-key");
        var keyId = (await page.Locator("#created-key-id").TextContentAsync())!.Trim();
        var secret = (await page.Locator("#created-key-secret").TextContentAsync())!.Trim();
        Assert.StartsWith("GK", keyId);
        await Browser.ScreenshotAsync(page, Shot("key-created"));

        // aws ecr-public get-login-password with that key, then skopeo pushes two tags.
        var aws = new AwsCli(Gallery, Temp.Sub("aws"), keyId, secret);
        var password = await aws.GetLoginPasswordAsync();
        var layout = new OciLayoutBuilder(Temp.Sub("push"));
        foreach (var tag in new[] { "1.0", "2.0", "3.0" })
        {
            layout.Tag(layout.AddImage($"{repository}:{tag}").Manifest, tag);
        }

        await Skopeo.CopyAsync(References.Oci(layout.Directory, "1.0"), Docker(repository, "1.0"), credentials: "AWS:" + password);
        await Skopeo.CopyAsync(References.Oci(layout.Directory, "2.0"), Docker(repository, "2.0"), credentials: "AWS:" + password);

        // The catalog editor: live preview, a refused fake logo, a real one, then one atomic save.
        await page.GotoAsync($"/console/repositories/{name}");
        await InteractiveAsync(page);
        await page.FillAsync("#catalog-description", "Console e2e <script>alert('x')</script>");
        await page.FillAsync("#catalog-about", About);
        await Assertions.Expect(page.Locator("#catalog-about-preview table")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#catalog-about-preview pre code")).ToContainTextAsync("docker run example");
        await Assertions.Expect(page.Locator("#catalog-state")).ToHaveTextAsync("Unsaved changes");
        await page.SetInputFilesAsync("#catalog-logo", new FilePayload { Name = "logo.png", MimeType = "image/png", Buffer = Encoding.UTF8.GetBytes("not an image at all") });
        await Assertions.Expect(page.Locator("#catalog-logo-error")).ToContainTextAsync("is not a PNG or JPEG image");
        await page.SetInputFilesAsync("#catalog-logo", new FilePayload { Name = "logo.png", MimeType = "image/png", Buffer = Png });
        await Assertions.Expect(page.Locator("#catalog-logo-preview")).ToHaveAttributeAsync("src", new Regex("^data:image/png;base64,"));
        await Browser.ScreenshotAsync(page, Shot("catalog-editor"));
        await page.ClickAsync("#catalog-save");
        await Assertions.Expect(page.Locator("#catalog-saved")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#catalog-state")).ToHaveTextAsync("All changes saved");

        // The public page shows it: the table, the code block, the logo; the script is text. An anonymous visit
        // first puts the page in the page cache; the owner must still get their own page, with the Edit link.
        var anonymous = await browser.NewPageAsync(Gallery.BaseAddress);
        AssertShown(await anonymous.GotoAsync($"/{repository}"));
        AssertShown(await page.GotoAsync($"/{repository}"));
        await Assertions.Expect(page.Locator(".markdown table")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".markdown pre code")).ToContainTextAsync("docker run example");
        await Assertions.Expect(page.Locator(".repo-description")).ToHaveTextAsync("Console e2e <script>alert('x')</script>");
        await Assertions.Expect(page.Locator(".repo-header img.logo")).ToHaveAttributeAsync("src", new Regex("^/api/logos/sha256:"));
        Assert.Equal(0, alerts);
        await Assertions.Expect(page.Locator("#edit-repository")).ToHaveAttributeAsync("href", $"/console/repositories/{name}");
        await Browser.ScreenshotAsync(page, Shot("public-page"));
        await anonymous.ReloadAsync();
        await Assertions.Expect(anonymous.Locator(".markdown table")).ToBeVisibleAsync();
        await Assertions.Expect(anonymous.Locator("#edit-repository")).ToHaveCountAsync(0);

        // The registry logo: set in Settings, shown on the publisher page.
        await page.GotoAsync("/console/settings");
        await InteractiveAsync(page);
        await page.SetInputFilesAsync("#registry-logo", new FilePayload { Name = "registry.png", MimeType = "image/png", Buffer = Png });
        await Assertions.Expect(page.Locator("#registry-logo-preview")).ToHaveAttributeAsync("src", new Regex("^data:image/png;base64,"));
        await page.ClickAsync("#save-registry-logo");
        await Assertions.Expect(page.Locator("#registry-logo-saved")).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, Shot("settings"));
        await page.GotoAsync($"/{alias}");
        await Assertions.Expect(page.Locator(".repo-header img.logo")).ToHaveAttributeAsync("src", new Regex("^/api/logos/sha256:"));

        // Delete a tag after confirming; the registry no longer serves it.
        await page.GotoAsync($"/console/repositories/{name}?tab=images");
        await InteractiveAsync(page);
        await page.ClickAsync("button[aria-label='Delete tag 1.0']");
        await page.ClickAsync("#confirm-delete");
        await Assertions.Expect(page.Locator(".console-tag", new() { HasTextString = "1.0" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".console-tag", new() { HasTextString = "2.0" })).ToHaveCountAsync(1);
        await Browser.ScreenshotAsync(page, Shot("images"));
        using (var deleted = await GetManifestAsync(repository, "1.0"))
        {
            Assert.Equal(HttpStatusCode.NotFound, deleted.StatusCode);
        }

        // Activity names who did what: pushes through the access key, edits and deletes in the console.
        await page.GotoAsync($"/console/repositories/{name}?tab=activity");
        await Assertions.Expect(page.Locator("#activity-table tr", new() { HasTextString = "Image pushed" }).First).ToContainTextAsync($"user{id} via access key {keyId}");
        await Assertions.Expect(page.Locator("#activity-table tr", new() { HasTextString = "Catalog page edited" })).ToContainTextAsync($"user{id} via console");
        await Assertions.Expect(page.Locator("#activity-table tr", new() { HasTextString = "Tag deleted" })).ToContainTextAsync($"user{id} via console");
        await Browser.ScreenshotAsync(page, Shot("activity"));

        // Revoke the key: the next push is refused, with the login password or with the key itself.
        await page.GotoAsync("/console/keys");
        await InteractiveAsync(page);
        await page.ClickAsync($"#revoke-{keyId}");
        await page.ClickAsync($"#confirm-revoke-{keyId}");
        await Assertions.Expect(page.Locator("#keys-table tr", new() { HasTextString = keyId })).ToContainTextAsync("Revoked");
        await Skopeo.CopyExpectingFailureAsync(References.Oci(layout.Directory, "3.0"), Docker(repository, "3.0"), credentials: "AWS:" + password);
        await Skopeo.CopyExpectingFailureAsync(References.Oci(layout.Directory, "3.0"), Docker(repository, "3.0"), credentials: $"{keyId}:{secret}");
        await aws.GetLoginPasswordFailingAsync();
        await Browser.ScreenshotAsync(page, Shot("key-revoked"));
    }

    [Fact]
    public async Task Another_publisher_cannot_open_someone_elses_console_pages()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        await using var browser = await Browser.LaunchAsync();
        var owner = await browser.NewPageAsync(Gallery.BaseAddress);
        await SignUpAsync(owner, "owner" + id, "own" + id);
        await owner.FillAsync("#new-repository-name", "secret-app");
        await owner.ClickAsync("#create-repository");
        await owner.WaitForURLAsync(new Regex("/console/repositories/secret-app$"));

        var other = await browser.NewPageAsync(Gallery.BaseAddress);
        await SignUpAsync(other, "other" + id, "oth" + id);
        var response = await other.GotoAsync("/console/repositories/secret-app");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(other.Locator("h1")).ToHaveTextAsync("Repository not found");
        await Assertions.Expect(other.Locator("#repository-filter")).ToHaveCountAsync(0);
        await Browser.ScreenshotAsync(other, Shot("not-yours"));

        // The owner's repository is untouched and still theirs.
        await owner.GotoAsync("/console/repositories");
        await InteractiveAsync(owner);
        await Assertions.Expect(owner.Locator($"a[href='/console/repositories/secret-app']")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task About_text_at_its_limit_in_a_three_byte_script_is_edited_and_saved()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync(Gallery.BaseAddress);
        await SignUpAsync(page, "long" + id, "lg" + id);
        await page.FillAsync("#new-repository-name", "docs");
        await page.ClickAsync("#create-repository");
        await page.WaitForURLAsync(new Regex("/console/repositories/docs$"));

        // A page load of its own: after the in-place navigation the previous page's circuit marker could still be
        // in the DOM, and text typed into the new page before its circuit starts would be lost.
        await page.GotoAsync("/console/repositories/docs");
        await InteractiveAsync(page);

        // 25,600 characters of three UTF-8 bytes each: about 77 KB in the one input event that carries them, and a
        // preview rendered from all of it, which takes a while on a busy CI machine.
        const float Slow = 30_000;
        var about = "# 文档\n\n" + new string('字', 25_600 - 6);
        await page.FillAsync("#catalog-about", about);
        await Assertions.Expect(page.Locator("#catalog-about-preview :is(h1, h2)")).ToHaveTextAsync("文档", new() { Timeout = Slow });
        await Assertions.Expect(page.Locator(".console-counter").Nth(1)).ToHaveTextAsync("25,600 / 25,600 characters", new() { Timeout = Slow });
        await page.ClickAsync("#catalog-save");
        await Assertions.Expect(page.Locator("#catalog-saved")).ToBeVisibleAsync(new() { Timeout = Slow });

        await page.FillAsync("#catalog-about", about + "字字");
        await Assertions.Expect(page.Locator("#catalog-save")).ToBeDisabledAsync(new() { Timeout = Slow });
        await Assertions.Expect(page.Locator(".console-counter.over")).ToContainTextAsync("2 too many", new() { Timeout = Slow });
    }

    [Fact]
    public async Task Forms_need_their_antiforgery_token_console_pages_need_a_session_and_sign_in_locks_out()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = Gallery.BaseAddress };
        foreach (var path in new[] { "/console/repositories", "/console/keys", "/console/settings", "/console/admin", "/console/repositories/x/y" })
        {
            using var unsigned = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, unsigned.StatusCode);
            Assert.StartsWith("/console/signin?ReturnUrl=", unsigned.Headers.Location!.PathAndQuery);
        }

        var user = "lock" + Guid.NewGuid().ToString("N")[..8];
        using (var forged = await client.PostAsync("/console/account/signup", new FormUrlEncodedContent(new Dictionary<string, string>
               {
                   ["UserName"] = user, ["Password"] = "Password-1" + user, ["ConfirmPassword"] = "Password-1" + user,
               })))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync(Gallery.BaseAddress);
        await SignUpAsync(page, user, "lk" + user[4..]);
        await page.Context.ClearCookiesAsync();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await page.GotoAsync("/console/signin");
            await page.FillAsync("#signin-user", user);
            await page.FillAsync("#signin-password", "wrong-password-" + attempt);
            await page.ClickAsync("form.console-form button[type=submit]");
            await Assertions.Expect(page.Locator(".console-error")).ToBeVisibleAsync();
        }

        await Assertions.Expect(page.Locator(".console-error")).ToContainTextAsync("locked for 15 minutes");
        await page.FillAsync("#signin-password", "Password-1" + user);
        await page.ClickAsync("form.console-form button[type=submit]");
        await Assertions.Expect(page.Locator(".console-error")).ToContainTextAsync("locked for 15 minutes");
        await Browser.ScreenshotAsync(page, Shot("locked-out"));
    }
}

[Collection(SqliteGallery.Name)]
public sealed class SqliteConsoleEndToEndTests(SqliteGalleryFixture fixture) : ConsoleEndToEndTests(fixture);

[Collection(PostgresGallery.Name)]
public sealed class PostgresConsoleEndToEndTests(PostgresGalleryFixture fixture) : ConsoleEndToEndTests(fixture);
