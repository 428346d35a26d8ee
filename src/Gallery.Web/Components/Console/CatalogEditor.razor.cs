using Gallery.Web.Components.Shared;
using Gallery.Web.Console;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.JSInterop;
using Registry.Core.Access;
using Registry.Core.Access.Policies;
using Registry.Core.Repositories.Management;
using Registry.Core.Repositories;
using Registry.Core.Repositories.CatalogData;

namespace Gallery.Web.Components.Console;

/// <summary>
/// Edits a repository's catalog data through <see cref="RepositoryCatalogService"/> (the API's service), one atomic
/// save with optimistic concurrency: a save over a change made elsewhere since the editor loaded is refused and said so.
/// </summary>
public partial class CatalogEditor
{
    public static readonly string[] KnownArchitectures = ["ARM", "ARM 64", "x86", "x86-64"];
    public static readonly string[] KnownOperatingSystems = ["Linux", "Windows"];

    [Parameter, EditorRequired]
    public Caller Caller { get; set; } = default!;

    [Parameter, EditorRequired]
    public ManagedRepository Repository { get; set; } = default!;

    [Inject]
    private ConsoleSession Session { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    private string? Description { get; set; }

    private string? About { get; set; }

    private string? Usage { get; set; }

    private HashSet<string> Architectures { get; set; } = [];

    private HashSet<string> OperatingSystems { get; set; } = [];

    private string OtherArchitectures { get; set; } = "";

    private string OtherOperatingSystems { get; set; } = "";

    private string? LogoDigest { get; set; }

    /// <summary>A newly chosen logo (empty: remove the logo); null: unchanged.</summary>
    private byte[]? NewLogo { get; set; }

    private string? LogoMediaType { get; set; }

    private string? LogoError { get; set; }

    private DateTime? LoadedVersion { get; set; }

    private bool Dirty { get; set; }

    private bool Busy { get; set; }

    private string? SaveError { get; set; }

    private DateTime? Saved { get; set; }

    private IReadOnlyList<string> Problems { get; set; } = [];

    private bool CanSave => Dirty && !Busy && Problems.Count == 0;

    private string LogoPreview => NewLogo is { Length: > 0 } logo ? $"data:{LogoMediaType};base64,{Convert.ToBase64String(logo)}"
        : Logo.Source(NewLogo is null ? LogoDigest : null);

    protected override void OnParametersSet()
    {
        if (LoadedVersion is null && !Dirty)
        {
            Load(Repository);
        }
    }

    private void Load(ManagedRepository repository)
    {
        Description = repository.Description;
        About = repository.AboutText;
        Usage = repository.UsageText;
        Architectures = repository.Architectures.Where(KnownArchitectures.Contains).ToHashSet();
        OperatingSystems = repository.OperatingSystems.Where(KnownOperatingSystems.Contains).ToHashSet();
        OtherArchitectures = string.Join(", ", repository.Architectures.Where(a => !KnownArchitectures.Contains(a)));
        OtherOperatingSystems = string.Join(", ", repository.OperatingSystems.Where(o => !KnownOperatingSystems.Contains(o)));
        LogoDigest = repository.LogoDigest;
        NewLogo = null;
        LoadedVersion = repository.CatalogUpdatedAt;
        Dirty = false;
    }

    private RepositoryCatalogInput Input() => new(
        Description ?? "", About ?? "", Usage ?? "",
        [.. KnownArchitectures.Where(Architectures.Contains), .. Split(OtherArchitectures)],
        [.. KnownOperatingSystems.Where(OperatingSystems.Contains), .. Split(OtherOperatingSystems)],
        NewLogo);

    private static IEnumerable<string> Split(string values) =>
        values.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private void Changed()
    {
        Dirty = true;
        Saved = null;
        Problems = RepositoryCatalogValidator.Validate(Input() with { LogoImage = null });
    }

    private void Toggle(HashSet<string> values, string value, ChangeEventArgs e)
    {
        if (e.Value is true)
        {
            values.Add(value);
        }
        else
        {
            values.Remove(value);
        }

        Changed();
    }

    private async Task LogoChosenAsync(InputFileChangeEventArgs e)
    {
        var (logo, error) = await LogoUpload.ReadAsync(e.File);
        LogoError = error;
        if (logo is not null)
        {
            NewLogo = logo.Content;
            LogoMediaType = logo.MediaType;
            Changed();
        }
    }

    private void RemoveLogo()
    {
        NewLogo = [];
        LogoError = null;
        Changed();
    }

    private async Task SaveAsync()
    {
        if (!CanSave)
        {
            return;
        }

        Busy = true;
        SaveError = null;
        try
        {
            var input = Input();
            var expected = LoadedVersion;
            var saved = await Session.RunAsync(async services =>
            {
                var repository = await OwnRepository.GetAsync(services, Caller, Repository, EcrPublicActions.PutRepositoryCatalogData);
                return ManagedRepository.Of(await services.GetRequiredService<RepositoryCatalogService>()
                    .UpdateAsync(repository.Id, input, CancellationToken.None, expected, checkConcurrency: true));
            });
            Load(saved);
            Saved = saved.CatalogUpdatedAt;
        }
        catch (Exception e) when (e is CatalogConflictException or RepositoryRuleException or AccessDeniedException)
        {
            SaveError = e.Message;
        }
        finally
        {
            Busy = false;
        }
    }

    private async Task ConfirmLeaveAsync(LocationChangingContext context)
    {
        if (Dirty && !await JS.InvokeAsync<bool>("confirm", "You have unsaved changes on this catalog page. Leave without saving?"))
        {
            context.PreventNavigation();
        }
    }

    private static class Limits
    {
        public const int MaxDescriptionLength = RepositoryCatalogValidator.MaxDescriptionLength;
        public const int MaxMarkdownLength = RepositoryCatalogValidator.MaxMarkdownLength;
        public const int MaxLogoBytes = RepositoryCatalogValidator.MaxLogoBytes;
    }
}
