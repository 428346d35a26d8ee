using Gallery.Indexer.Artifacts;
using Gallery.Indexer.Documents;
using Gallery.Web.Components.Pages.Images;
using Microsoft.AspNetCore.Components;
using Registry.Core.Access;
using Registry.Core.Oci;
using Gallery.Web.Components.Pages.NotFound;
using Gallery.Indexer.Reading;
using Registry.Core.Repositories.CatalogData;

namespace Gallery.Web.Components.Pages.Repositories;

/// <summary>
/// <c>/&lt;alias&gt;/&lt;name&gt;</c> (names may hold slashes): header, pull command and the tabs About, Usage and
/// Image tags, each at its own URL (<c>?tab=usage</c>, <c>?tab=image-tags</c>); the tags tab pages on the server.
/// </summary>
public partial class RepositoryPage
{
    public const int TagsPageSize = 50;

    private static readonly (string Id, string Label)[] Tabs = [("about", "About"), ("usage", "Usage"), ("image-tags", "Image tags")];

    [Inject]
    private IGalleryReader Reader { get; set; } = default!;

    [Inject]
    private IImageBadges SupplyChain { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private NotFoundMessage NotFoundMessage { get; set; } = default!;

    [Inject]
    private ILogger<RepositoryPage> Logger { get; set; } = default!;

    [Parameter]
    public string Alias { get; set; } = "";

    [Parameter]
    public string? Name { get; set; }

    [SupplyParameterFromQuery(Name = "tab")]
    public string? Tab { get; set; }

    [SupplyParameterFromQuery(Name = "tagFilter")]
    public string? TagFilter { get; set; }

    [SupplyParameterFromQuery(Name = "tagSort")]
    public string? TagSort { get; set; }

    [SupplyParameterFromQuery(Name = "tagsPage")]
    public string? TagsPage { get; set; }

    /// <summary><c>show</c>: list cosign's signature, attestation and SBOM tags too.</summary>
    [SupplyParameterFromQuery(Name = "attachmentTags")]
    public string? AttachmentTags { get; set; }

    /// <summary>Set when the address is an image page's (<c>/alias/name/images/digest</c>).</summary>
    private string? ImageDigest { get; set; }

    private ImageSupplyChain HeaderBadges { get; set; } = ImageSupplyChain.None;

    private IReadOnlyDictionary<string, ImageSupplyChain> TagBadges { get; set; } = new Dictionary<string, ImageSupplyChain>();

    private bool ShowAttachmentTags => string.Equals(AttachmentTags, "show", StringComparison.OrdinalIgnoreCase);

    private GalleryRepository? Repository { get; set; }

    private TagPage Tags { get; set; } = new([], 0, 1, TagsPageSize);

    private bool NotFound { get; set; }

    private bool Error { get; set; }

    private string ActiveTab => Tabs.Any(t => t.Id == Tab) ? Tab! : "about";

    private TagSort TagSortValue => string.Equals(TagSort, "version", StringComparison.OrdinalIgnoreCase)
        ? Gallery.Indexer.Reading.TagSort.Version
        : Gallery.Indexer.Reading.TagSort.Newest;

    private string Host => new Uri(Navigation.BaseUri).Authority;

    /// <summary><c>alias/name</c> as the registry spells it: the URL's, lower-cased and without stray slashes.</summary>
    private string FullName { get; set; } = "";

    private string Path => "/" + FullName;

    private string Canonical => ActiveTab == "about" ? Path : $"{Path}?tab={ActiveTab}";

    private string PullCommand => Repository!.Kind == ArtifactKind.Helm
        ? HelmPull(Host, Repository.FullName, Repository.Chart?.PullVersion ?? GalleryChart.ChartVersion(Repository.DefaultTag ?? "latest"))
        : $"docker pull {Host}/{Repository.FullName}:{Repository.DefaultTag ?? "latest"}";

    /// <summary>Helm pulls a chart by repository and chart version (never by tag or digest).</summary>
    public static string HelmPull(string host, string fullName, string version) => $"helm pull oci://{host}/{fullName} --version {version}";

    /// <summary>The catalog's description, else a chart's own.</summary>
    private string? Description => !string.IsNullOrWhiteSpace(Repository!.Description) ? Repository.Description
        : string.IsNullOrWhiteSpace(Repository.Chart?.Description) ? null : Repository.Chart.Description;

    private string KindText => Repository!.Kind switch
    {
        ArtifactKind.Helm => "Helm chart",
        ArtifactKind.Artifact => "OCI artifact",
        _ => "Container image",
    };

    private IReadOnlyList<string> ArchitectureBadges => Badges(Repository!.Architectures, Repository.PushedPlatforms.Select(p => p.Architecture), PlatformNames.Architecture);

    private IReadOnlyList<string> OperatingSystemBadges => Badges(Repository!.OperatingSystems, Repository.PushedPlatforms.Select(p => p.Os), PlatformNames.OperatingSystem);

    protected override async Task OnParametersSetAsync()
    {
        NotFound = false;
        Error = false;
        Repository = null;
        ImageDigest = null;
        if (ImageAddress.TryParse(Name, out var repositoryName, out var digest))
        {
            FullName = $"{Alias}/{repositoryName}".ToLowerInvariant();
            ImageDigest = digest;
            return;
        }

        FullName = $"{Alias}/{Name?.Trim('/')}".ToLowerInvariant();
        if (!RepositoryName.TryParse(FullName, out var name, out _) || ReservedAliases.IsReserved(name.Alias))
        {
            ShowNotFound();
            return;
        }

        try
        {
            Repository = await Reader.GetRepositoryAsync(FullName);
            if (Repository is null)
            {
                ShowNotFound();
            }
            if (Repository is not null && ActiveTab == "image-tags")
            {
                var page = int.TryParse(TagsPage, out var n) && n > 0 ? n : 1;
                Tags = await Reader.GetTagsAsync(new TagQuery(Repository.FullName, TagFilter, TagSortValue, page, TagsPageSize, ShowAttachmentTags));
                TagBadges = await SupplyChain.ForImagesAsync(Repository.FullName, Tags.Rows.Select(r => r.Digest).ToList());
            }

            if (Repository?.DefaultTag is { } defaultTag)
            {
                HeaderBadges = await SupplyChain.ForTagAsync(Repository.FullName, defaultTag);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Logger.LogError(e, "The repository page of {FullName} failed", FullName);
            Error = true;
        }
    }

    private void ShowNotFound()
    {
        NotFound = true;
        NotFoundMessage.Show(Navigation, "Repository not found", NotFoundText, Path);
    }

    private string NotFoundText => $"There is no public repository named {FullName}. It may not exist, or it holds no image yet.";

    private string TabUrl(string tab) => tab == "about" ? Path : $"{Path}?tab={tab}";

    private static IReadOnlyList<string> Badges(IEnumerable<string> catalog, IEnumerable<string> pushed, Func<string, string?> map) =>
        catalog.Concat(pushed).Select(map).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
}
