using Gallery.Indexer.Search;
using Gallery.Web.Markdown;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Gallery.Indexer.Reading;
using Registry.Core.Repositories.Public;

namespace Gallery.Web.Tests;

/// <summary>What every component test has: MudBlazor services, loose JS interop, the markdown renderer and fakes of the search and read services.</summary>
public abstract class GalleryTestContext : BunitContext
{
    protected GalleryTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLogging();
        Services.AddSingleton<MarkdownRenderer>();
        Services.AddScoped<Gallery.Web.Components.Pages.NotFound.NotFoundMessage>();
        Services.AddSingleton<IGallerySearch>(Search);
        Services.AddSingleton<Gallery.Indexer.Indexing.IndexRefreshes>();
        Services.AddSingleton<Gallery.Web.Components.Pages.Home.HomeListings>();
        Services.AddSingleton<IGalleryReader>(Reader);
        Services.AddSingleton<IPullHistory>(Pulls);
        Services.AddSingleton<Gallery.Indexer.Artifacts.IImageBadges>(SupplyChain);
        Services.AddSingleton<Gallery.Indexer.Artifacts.IImageDetailsReader>(SupplyChain);
    }

    private bool _disposing;

    protected FakeGallerySearch Search { get; } = new();

    protected FakeGalleryReader Reader { get; } = new();

    protected FakePullHistory Pulls { get; } = new();

    protected FakeSupplyChain SupplyChain { get; } = new();

    protected Microsoft.AspNetCore.Components.NavigationManager Navigation =>
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();

    /// <summary>Goes to a URL first, so the page's [SupplyParameterFromQuery] parameters come from its query.</summary>
    protected IRenderedComponent<TPage> Visit<TPage>(string url, Action<ComponentParameterCollectionBuilder<TPage>>? parameters = null)
        where TPage : Microsoft.AspNetCore.Components.IComponent
    {
        Navigation.NavigateTo(url);
        return Render(parameters ?? (_ => { }));
    }

    /// <summary>xUnit v2 disposes synchronously; MudBlazor's services may only be disposed asynchronously.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposing)
        {
            _disposing = true;
            DisposeAsync().AsTask().GetAwaiter().GetResult();
            return;
        }

        base.Dispose(disposing);
    }

    /// <summary>A small catalog: two publishers, three repositories, one with a nested name and markdown.</summary>
    protected void SeedCatalog()
    {
        Search.Hits.Add(FakeGallerySearch.Hit("acme/web-server", "A fast web server", pulls: 5000, verified: true, architectures: ["x86-64", "ARM 64"], displayName: "Acme Corp"));
        Search.Hits.Add(FakeGallerySearch.Hit("acme/tools/cli", "Command line tools", pulls: 20, verified: true, displayName: "Acme Corp"));
        Search.Hits.Add(FakeGallerySearch.Hit("bob/hello", "Hello world", pulls: 3, architectures: ["ARM"], operatingSystems: ["Linux", "Windows"]));
        Reader.Totals = new PublicTotals(3, 2, 7, 5023);
        Reader.Publishers["acme"] = new GalleryPublisher("acme", "Acme Corp", true, null, 2);
        Reader.Publishers["bob"] = new GalleryPublisher("bob", null, false, null, 1);
        Reader.Repositories["acme/web-server"] = FakeGalleryReader.Repository("acme/web-server", about: "# Web server\n\nServes **files**.", usage: "```sh\ndocker run acme/web-server\n```", verified: true, tagCount: 3);
        Reader.Tags["acme/web-server"] = [FakeGalleryReader.Tag("latest", 1, "sha256:" + new string('1', 64), "1.2.0"), FakeGalleryReader.Tag("1.2.0", 1, "sha256:" + new string('1', 64), "latest"), FakeGalleryReader.Tag("1.10.0", 30)];
        Reader.Repositories["acme/tools/cli"] = FakeGalleryReader.Repository("acme/tools/cli", verified: true);
        Reader.Tags["acme/tools/cli"] = [FakeGalleryReader.Tag("latest")];
        Reader.Repositories["bob/hello"] = FakeGalleryReader.Repository("bob/hello", description: null);
        Reader.Tags["bob/hello"] = [FakeGalleryReader.Tag("v1")];
    }
}
