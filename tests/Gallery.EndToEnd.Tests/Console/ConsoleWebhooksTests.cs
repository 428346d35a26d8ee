using System.Text.Json;
using Gallery.EndToEnd.Tests.Pages;
using Gallery.Testing.Webhooks;
using Microsoft.Playwright;
using static Gallery.EndToEnd.Tests.Console.ConsolePages;

namespace Gallery.EndToEnd.Tests.Console;

/// <summary>The Webhooks page in Chromium: a refused URL, add, send a test to a real receiver, deliveries, redeliver, edit, delete.</summary>
public abstract class ConsoleWebhooksTests(GalleryFixture fixture) : GalleryTest(fixture)
{
    [Fact]
    public async Task A_publisher_adds_tests_redelivers_edits_and_deletes_a_webhook()
    {
        var user = "wh" + Guid.NewGuid().ToString("N")[..8];
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync(Gallery.BaseAddress);
        await SignUpAsync(page, user, user);
        await page.GotoAsync("/console/webhooks");
        await InteractiveAsync(page);
        await Assertions.Expect(page.Locator("#no-webhooks")).ToBeVisibleAsync();

        await page.FillAsync("#webhook-url", "ftp://example.com/hook");
        await page.FillAsync("#webhook-secret", "a-long-enough-webhook-secret");
        await page.ClickAsync("#save-webhook");
        await Assertions.Expect(page.Locator("#webhook-error")).ToContainTextAsync("http://");

        await page.FillAsync("#webhook-url", receiver.Url);
        await page.ClickAsync("#save-webhook");
        var row = page.Locator("#webhooks-table tbody tr");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync(receiver.Url);
        await Assertions.Expect(row).ToContainTextAsync("All repositories");

        await page.ClickAsync(".webhook-test");
        var ping = (await receiver.WaitForAsync(1))[0];
        Assert.Equal("ping", ping.Event);
        Assert.Equal("ping", JsonDocument.Parse(ping.Body).RootElement.GetProperty("event").GetString());
        var delivered = page.Locator(".delivery-row[data-state=delivered]");
        for (var i = 0; i < 50 && await delivered.CountAsync() == 0; i++)
        {
            await page.ClickAsync("#refresh-deliveries");
            await Task.Delay(100);
        }

        await Assertions.Expect(delivered).ToHaveCountAsync(1);
        await Assertions.Expect(delivered).ToContainTextAsync("200");
        await Browser.ScreenshotAsync(page, "console-webhooks");

        await delivered.Locator(".webhook-redeliver").ClickAsync();
        var again = (await receiver.WaitForAsync(2))[1];
        Assert.Equal(ping.Delivery, again.Delivery);

        await page.ClickAsync(".webhook-edit");
        await page.UncheckAsync("#event-image\\.pushed");
        await page.CheckAsync("#event-repository\\.deleted");
        await page.ClickAsync("#save-webhook");
        await Assertions.Expect(row).ToContainTextAsync("repository.deleted");
        await Assertions.Expect(row).Not.ToContainTextAsync("image.pushed");

        await page.ClickAsync(".webhook-delete");
        await page.ClickAsync(".webhook-confirm-delete");
        await Assertions.Expect(row).ToHaveCountAsync(0);
    }
}

[Collection(SqliteGallery.Name)]
public sealed class SqliteConsoleWebhooksTests(SqliteGalleryFixture fixture) : ConsoleWebhooksTests(fixture);
