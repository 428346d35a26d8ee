using Gallery.Web.Console;
using Microsoft.AspNetCore.Components;
using Registry.Core.Access;
using Registry.Core.Access.Policies;
using Registry.Core.Repositories.Management;
using Registry.Core.Oci;
using Registry.Core.Repositories;
using Registry.Core.Repositories.Images;

namespace Gallery.Web.Components.Console;

/// <summary>Lists images and their platforms (ImageQueryService) and deletes tags or images (ManifestService), as BatchDeleteImage does.</summary>
public partial class ImagesPanel
{
    [Parameter, EditorRequired]
    public Caller Caller { get; set; } = default!;

    [Parameter, EditorRequired]
    public ManagedRepository Repository { get; set; } = default!;

    [Parameter]
    public string Host { get; set; } = "localhost:5000";

    [Inject]
    private ConsoleSession Session { get; set; } = default!;

    private List<ImageSummary>? Images { get; set; }

    private Dictionary<long, List<Platform>> Platforms { get; set; } = [];

    private (string? Tag, string? Digest)? Confirm { get; set; }

    private string? Error { get; set; }

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        var images = (await Session.RunAsync<ImageQueryService, List<ImageSummary>>(q => q.ListImagesAsync(Repository.Id, null, 1000, CancellationToken.None)))
            .OrderByDescending(i => i.PushedAt).ToList();
        Platforms = await Session.RunAsync<ImageQueryService, Dictionary<long, List<Platform>>>(q => q.PlatformsByImageAsync(images.Select(i => i.Id).ToList(), CancellationToken.None));
        Images = images;
    }

    private string PullCommand(ImageSummary image) =>
        image.Tags.Count > 0 ? $"docker pull {Host}/{Repository.FullName}:{image.Tags[0]}" : $"docker pull {Host}/{Repository.FullName}@{image.Digest}";

    private async Task DeleteAsync()
    {
        if (Confirm is not { } pending)
        {
            return;
        }

        Confirm = null;
        Error = null;
        try
        {
            await Session.RunAsync(async services =>
            {
                var repository = await OwnRepository.GetAsync(services, Caller, Repository, EcrPublicActions.BatchDeleteImage);
                var name = new RepositoryName(Caller.Alias, repository.Name);
                var manifests = services.GetRequiredService<ManifestService>();
                var images = services.GetRequiredService<ImageQueryService>();
                if (pending.Tag is { } tag)
                {
                    var image = await images.FindByTagAsync(repository.Id, tag, CancellationToken.None);
                    await manifests.DeleteAsync(name, new ManifestRef(tag, null), CancellationToken.None);
                    // The last tag gone, the image goes with it (as BatchDeleteImage does), unless an index lists it.
                    if (image is { Tags.Count: 1 } && !await images.IsReferencedByIndexAsync(repository.Id, image.Digest, CancellationToken.None))
                    {
                        await manifests.DeleteAsync(name, new ManifestRef(null, Digest.Parse(image.Digest)), CancellationToken.None);
                    }
                }
                else if (await images.IsReferencedByIndexAsync(repository.Id, pending.Digest!, CancellationToken.None))
                {
                    throw new RepositoryRuleException(RepositoryRule.InvalidParameter, "This image is part of a multi-platform image in this repository: delete that one instead.");
                }
                else
                {
                    await manifests.DeleteAsync(name, new ManifestRef(null, Digest.Parse(pending.Digest!)), CancellationToken.None);
                }

                return true;
            });
        }
        catch (Exception e) when (e is RepositoryRuleException or AccessDeniedException or RegistryException)
        {
            Error = e.Message;
        }

        await LoadAsync();
    }
}
