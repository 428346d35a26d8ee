using Gallery.Web.Console;
using Microsoft.AspNetCore.Components;
using Registry.Core.Access;

namespace Gallery.Web.Components.Pages.Console;

/// <summary>The account's access keys: create one (its secret shown once), see when each was last used, revoke.</summary>
public partial class KeysPage
{
    [Inject]
    private ConsoleSession Session { get; set; } = default!;

    private Caller? Caller { get; set; }

    private bool Loaded { get; set; }

    private List<AccessKeyService.KeySummary> Keys { get; set; } = [];

    private string? NewDescription { get; set; }

    private string? Error { get; set; }

    private AccessKeyService.CreatedKey? Created { get; set; }

    private string? ConfirmRevoke { get; set; }

    protected override async Task OnInitializedAsync()
    {
        Caller = await Session.CallerAsync();
        if (Caller is not null)
        {
            await LoadAsync();
        }

        Loaded = true;
    }

    private async Task LoadAsync() =>
        Keys = await Session.RunAsync<AccessKeyService, List<AccessKeyService.KeySummary>>(k => k.ListAsync(Caller!.AccountId, CancellationToken.None));

    private async Task CreateAsync()
    {
        Error = null;
        var description = string.IsNullOrWhiteSpace(NewDescription) ? null : NewDescription.Trim();
        try
        {
            Created = await Session.RunAsync<AccessKeyService, AccessKeyService.CreatedKey>(k => k.CreateAsync(Caller!.AccountId, description, CancellationToken.None));
        }
        catch (PublisherException e)
        {
            Error = e.Message;
            return;
        }

        NewDescription = null;
        await LoadAsync();
    }

    private async Task RevokeAsync(string id)
    {
        ConfirmRevoke = null;
        await Session.RunAsync<AccessKeyService, bool>(k => k.RevokeAsync(Caller!.AccountId, id, CancellationToken.None));
        await LoadAsync();
    }
}
