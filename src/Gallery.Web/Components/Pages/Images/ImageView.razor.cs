using System.Text.RegularExpressions;
using Gallery.Indexer.Artifacts;
using Gallery.Web.Components.Pages.NotFound;
using Microsoft.AspNetCore.Components;
using Registry.Core.Data.Entities;

namespace Gallery.Web.Components.Pages.Images;

/// <summary>
/// The image page: one manifest of a repository with its tags, platforms, layers, config and attachments, and the
/// package table of one of its SBOMs (chosen with <c>?sbom=</c>, filtered and paged on the server).
/// </summary>
public partial class ImageView
{
    public const int PackagesPageSize = 50;

    [Inject]
    private IImageDetailsReader Reader { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private NotFoundMessage NotFoundMessage { get; set; } = default!;

    [Inject]
    private ILogger<ImageView> Logger { get; set; } = default!;

    [Parameter, EditorRequired]
    public string FullName { get; set; } = "";

    [Parameter, EditorRequired]
    public string Digest { get; set; } = "";

    [SupplyParameterFromQuery(Name = "sbom")]
    public string? Sbom { get; set; }

    [SupplyParameterFromQuery(Name = "packageFilter")]
    public string? PackageFilter { get; set; }

    [SupplyParameterFromQuery(Name = "packagesPage")]
    public string? PackagesPage { get; set; }

    private ImageDetails? Image { get; set; }

    private ImageAttachment? SelectedSbom { get; set; }

    private PackagePage? Packages { get; set; }

    private bool NotFound { get; set; }

    private bool Error { get; set; }

    private string Host => new Uri(Navigation.BaseUri).Authority;

    private string Path => ImageAddress.PathOf(FullName, Digest);

    private string Reference => $"{Host}/{FullName}@{Digest}";

    private IEnumerable<ImageAttachment> Of(AttachmentKind kind) => Image!.Attachments.Where(a => a.Kind == kind);

    private IEnumerable<ImageAttachment> Statements => Image!.Attachments.Where(a => a.Kind is AttachmentKind.Attestation or AttachmentKind.Provenance);

    private IEnumerable<ImagePlatformEntry> PlatformImages => Image!.Platforms.Where(p => !AttestationPlatform.Is(p.Os, p.Architecture));

    protected override async Task OnParametersSetAsync()
    {
        (NotFound, Error, Image, SelectedSbom, Packages) = (false, false, null, null, null);
        try
        {
            Image = ImageAddress.IsDigest(Digest) ? await Reader.GetAsync(FullName, Digest) : null;
            if (Image is null)
            {
                NotFound = true;
                NotFoundMessage.Show(Navigation, "Image not found", $"The repository {FullName} holds no image with the digest {Digest}.", Path);
                return;
            }

            var sboms = Of(AttachmentKind.Sbom).Where(a => a.State == AttachmentState.Readable).ToList();
            SelectedSbom = sboms.FirstOrDefault(a => a.Id.ToString() == Sbom) ?? sboms.FirstOrDefault();
            if (SelectedSbom is not null)
            {
                var page = int.TryParse(PackagesPage, out var n) && n > 0 ? n : 1;
                Packages = await Reader.GetPackagesAsync(FullName, SelectedSbom.Id, PackageFilter, page, PackagesPageSize);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Logger.LogError(e, "The image page of {FullName}@{Digest} failed", FullName, Digest);
            Error = true;
        }
    }

    private string PackagesUrl(int page)
    {
        var url = $"{Path}?sbom={SelectedSbom!.Id}";
        if (!string.IsNullOrWhiteSpace(Packages?.Filter))
        {
            url += "&packageFilter=" + Uri.EscapeDataString(Packages.Filter);
        }

        return (page > 1 ? url + "&packagesPage=" + page : url) + "#packages";
    }

    private string SbomUrl(ImageAttachment sbom) => $"{Path}?sbom={sbom.Id}#packages";

    private static string SourceText(ImageAttachment a) => a.Source switch
    {
        AttachmentSource.CosignTag => $"tag {a.Tag}",
        AttachmentSource.BuildKit => "BuildKit attestation manifest",
        _ => "referrer",
    };

    /// <summary>cosign verify with the identity the certificate names (keyless), else with the publisher's key.</summary>
    private string CosignVerify(ImageAttachment signature) =>
        signature.Signer is { } signer && KeylessSigner().Match(signer) is { Success: true } m
            ? $"cosign verify --certificate-identity '{m.Groups[1].Value}' --certificate-oidc-issuer '{m.Groups[2].Value}' {Reference}"
            : $"cosign verify --key cosign.pub {Reference}";

    [GeneratedRegex(@"^([^ ']+) \(issuer ([^ ')]+)\)$")]
    private static partial Regex KeylessSigner();
}
