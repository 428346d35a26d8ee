using Gallery.Web.Components.Shared;
using Gallery.Web.Console;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Registry.Core.Access;
using Registry.Core.Repositories.CatalogData;

namespace Gallery.Web.Components.Console;

/// <summary>
/// Sets or removes the registry's logo through <see cref="RegistrySettingsService.SetLogoAsync"/>. A chosen file is checked
/// at once (size before reading, type by content) and previewed; nothing is saved until Save.
/// </summary>
public partial class RegistryLogoEditor
{
    [Parameter, EditorRequired]
    public Caller Caller { get; set; } = default!;

    /// <summary>The registry as last read; its logo is the current one.</summary>
    [Parameter, EditorRequired]
    public RegistrySettings Registry { get; set; } = default!;

    /// <summary>Called after a save or removal, so the page reads the registry again.</summary>
    [Parameter]
    public EventCallback Saved { get; set; }

    [Inject]
    private ConsoleSession Session { get; set; } = default!;

    /// <summary>The chosen logo, not saved yet.</summary>
    private LogoUpload? Chosen { get; set; }

    /// <summary>Changed to give the file input a fresh state (no file name left behind) after a save or discard.</summary>
    private int InputVersion { get; set; }

    private bool Busy { get; set; }

    private string? Message { get; set; }

    private string? Error { get; set; }

    private string Preview => Chosen?.DataUrl ?? Logo.Source(Registry.LogoDigest);

    private async Task ChosenAsync(InputFileChangeEventArgs e)
    {
        Message = null;
        (Chosen, Error) = await LogoUpload.ReadAsync(e.File);
    }

    private void Discard()
    {
        Chosen = null;
        Error = null;
        InputVersion++;
    }

    private Task SaveAsync() => ApplyAsync(Chosen?.Content, "Logo saved. Your public page shows it now.");

    private Task RemoveAsync() => ApplyAsync(null, "Logo removed. Your public page shows the default logo.");

    private async Task ApplyAsync(byte[]? logo, string done)
    {
        Busy = true;
        Message = null;
        Error = null;
        try
        {
            await Session.RunAsync<RegistrySettingsService>(p => p.SetLogoAsync(Caller.AccountId, logo, CancellationToken.None));
            Chosen = null;
            InputVersion++;
            Message = done;
            await Saved.InvokeAsync();
        }
        catch (PublisherException e)
        {
            Error = e.Message;
        }
        finally
        {
            Busy = false;
        }
    }
}
