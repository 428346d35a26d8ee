using Gallery.Web.Components.Pages.Console;
using Microsoft.AspNetCore.Components.Forms;
using Registry.Core.Access;
using Registry.Core.Data.Entities;
using Registry.Core.Repositories.CatalogData;

namespace Gallery.Web.Tests.Console;

/// <summary>The registry logo section of the settings page, on Registry.Core's real rule and service.</summary>
public sealed class RegistryLogoEditorTests : ConsoleTestContext
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    [Fact]
    public async Task A_fake_or_oversized_image_is_refused_with_a_clear_message_and_nothing_to_save()
    {
        var (cut, _) = await RenderSettingsAsync("logoa");
        Assert.Equal("/assets/default-logo.svg", cut.Find("#registry-logo-preview").GetAttribute("src"));

        Upload(cut, InputFileContent.CreateFromText("<svg/>", "logo.png", contentType: "image/png"));
        cut.WaitForAssertion(() => Assert.Contains("logo.png is not a PNG or JPEG image", cut.Find("#registry-logo-error").TextContent));
        Assert.Empty(cut.FindAll("#save-registry-logo"));

        var big = new byte[LogoImageFormat.MaxBytes + 1];
        Png.CopyTo(big, 0);
        Upload(cut, InputFileContent.CreateFromBinary(big, "big.png", contentType: "image/png"));
        cut.WaitForAssertion(() => Assert.Contains("big.png is 512,001 bytes; a logo is at most 512,000 bytes", cut.Find("#registry-logo-error").TextContent));
        Assert.Empty(cut.FindAll("#save-registry-logo"));
        Assert.Equal("/assets/default-logo.svg", cut.Find("#registry-logo-preview").GetAttribute("src"));
    }

    [Fact]
    public async Task A_chosen_logo_is_previewed_then_saved_and_can_be_removed()
    {
        var (cut, caller) = await RenderSettingsAsync("logob");

        Upload(cut, InputFileContent.CreateFromBinary(Png, "my logo.jpg", contentType: "image/jpeg"));
        cut.WaitForAssertion(() => Assert.Equal("data:image/png;base64," + Convert.ToBase64String(Png), cut.Find("#registry-logo-preview").GetAttribute("src")));
        Assert.Null((await RegistryAsync(caller)).LogoDigest);

        await cut.Find("#save-registry-logo").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Contains("Logo saved", cut.Find("#registry-logo-saved").TextContent));
        var saved = await RegistryAsync(caller);
        Assert.Equal("image/png", saved.LogoMediaType);
        Assert.Equal("/api/logos/" + saved.LogoDigest, cut.Find("#registry-logo-preview").GetAttribute("src"));
        Assert.Empty(cut.FindAll("#save-registry-logo"));

        await cut.Find("#remove-registry-logo").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Contains("Logo removed", cut.Find("#registry-logo-saved").TextContent));
        Assert.Null((await RegistryAsync(caller)).LogoDigest);
        Assert.Equal("/assets/default-logo.svg", cut.Find("#registry-logo-preview").GetAttribute("src"));
    }

    private async Task<(IRenderedComponent<SettingsPage> Page, Caller Caller)> RenderSettingsAsync(string alias)
    {
        var caller = await CreatePublisherAsync(alias);
        await SignInAsync(caller);
        var cut = Render<SettingsPage>();
        cut.WaitForElement("#registry-logo-preview");
        return (cut, caller);
    }

    private static void Upload(IRenderedComponent<SettingsPage> cut, InputFileContent file) =>
        cut.FindComponent<InputFile>().UploadFiles(file);

    private async Task<RegistrySettings> RegistryAsync(Caller caller) =>
        (await RunAsync<RegistrySettingsService, RegistrySettings?>(p => p.FindAsync(caller.AccountId, CancellationToken.None)))!;
}
