using Gallery.Web.Components.Pages.Console;
using Registry.Core.Oci;

namespace Gallery.Web.Tests.Console;

/// <summary>A repository's console page: its link to the public page appears once the gallery lists the repository.</summary>
public sealed class RepositoryConsolePageTests : ConsoleTestContext
{
    [Fact]
    public async Task The_public_page_link_waits_for_the_first_image()
    {
        var caller = await CreatePublisherAsync("consolepage");
        await CreateRepositoryAsync(caller, "app");
        await SignInAsync(caller);

        var empty = Render<RepositoryConsolePage>(p => p.Add(c => c.Name, "app"));
        empty.WaitForElement("#public-page-pending");
        Assert.Empty(empty.FindAll("#public-page-link"));

        await ConsoleImages.PushAsync(Services, new RepositoryName(caller.Alias, "app"), "amd64", 100, "1.0");
        var listed = Render<RepositoryConsolePage>(p => p.Add(c => c.Name, "app"));
        listed.WaitForElement("#public-page-link");
        Assert.Equal("/consolepage/app", listed.Find("#public-page-link").GetAttribute("href"));
        Assert.Empty(listed.FindAll("#public-page-pending"));
    }
}
