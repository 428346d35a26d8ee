using Gallery.Web.Console;
using Microsoft.AspNetCore.Components;
using Gallery.Web.Components.Pages.NotFound;
using Registry.Core.Access;
using Registry.Core.Repositories.Management;
using Registry.Core.Access.Policies;
using Registry.Core.Repositories.Images;

namespace Gallery.Web.Components.Pages.Console;

/// <summary>
/// One of the publisher's own repositories: catalog page, images and tags, policy, activity, delete. The name is
/// looked up in the caller's registry only, so someone else's repository is "not found" (404 when prerendered).
/// </summary>
public partial class RepositoryConsolePage
{
    private static readonly (string Id, string Label)[] Tabs =
        [("catalog", "Catalog page"), ("images", "Images and tags"), ("policy", "Policy"), ("activity", "Activity"), ("delete", "Delete")];

    [Parameter]
    public string? Name { get; set; }

    [SupplyParameterFromQuery(Name = "tab")]
    public string? Tab { get; set; }

    [CascadingParameter]
    public HttpContext? HttpContext { get; set; }

    [Inject]
    private ConsoleSession Session { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private NotFoundMessage NotFoundMessage { get; set; } = default!;

    private Caller? Caller { get; set; }

    private ManagedRepository? Repository { get; set; }

    private bool Loaded { get; set; }

    /// <summary>The gallery lists a repository only once it holds an image; until then its public page is a 404.</summary>
    private bool HasImages { get; set; }

    private string ActiveTab => Tabs.Any(t => t.Id == Tab) ? Tab! : "catalog";

    private string Host => new Uri(Navigation.BaseUri).Authority;

    protected override async Task OnParametersSetAsync()
    {
        Caller ??= await Session.CallerAsync();
        Repository = null;
        if (Caller is not null && !string.IsNullOrEmpty(Name))
        {
            try
            {
                var name = Uri.UnescapeDataString(Name);
                Repository = await Session.RunAsync(s => OwnRepository.FindAsync(s, Caller, name, EcrPublicActions.DescribeRepositories, CancellationToken.None));
                HasImages = Repository is not null && (await Session.RunAsync<ImageQueryService, List<ImageSummary>>(
                    q => q.ListImagesAsync(Repository.Id, afterId: null, take: 1, CancellationToken.None))).Count > 0;
            }
            catch (AccessDeniedException)
            {
                Repository = null;
            }
        }

        if (Repository is null && Caller is not null && HttpContext is not null)
        {
            // Prerendering for a request: answer 404 with the gallery's not-found page (nothing says whose it is).
            NotFoundMessage.Show(Navigation, "Repository not found", $"You have no repository named {Name}.", "/console/repositories");
        }

        Loaded = true;
    }
}
