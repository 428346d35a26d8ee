using Gallery.Web.Console;
using Microsoft.AspNetCore.Components;
using Registry.Core.Access;

namespace Gallery.Web.Components.Pages.Console;

/// <summary>Administrators only: every publisher, verified and suspended flags, and adding a publisher.</summary>
public partial class AdminPage
{
    [Inject]
    private ConsoleSession Session { get; set; } = default!;

    private Caller? Caller { get; set; }

    private bool Loaded { get; set; }

    private string? Filter { get; set; }

    private string? Error { get; set; }

    private List<AdministrationService.PublisherSummary> Publishers { get; set; } = [];

    protected override async Task OnInitializedAsync()
    {
        Caller = await Session.CallerAsync();
        if (Caller is { IsAdministrator: true })
        {
            await LoadAsync();
        }

        Loaded = true;
    }

    private async Task LoadAsync()
    {
        var filter = Filter;
        Publishers = await Session.RunAsync<AdministrationService, List<AdministrationService.PublisherSummary>>(a => a.ListPublishersAsync(filter, CancellationToken.None));
    }

    private Task SetVerifiedAsync(AdministrationService.PublisherSummary publisher, bool verified) =>
        RunAsync(a => a.SetVerifiedAsync(publisher.RegistryKey, verified, CancellationToken.None));

    private Task SetSuspendedAsync(AdministrationService.PublisherSummary publisher, bool suspended) =>
        RunAsync(a => a.SetSuspendedAsync(publisher.AccountId, suspended, Caller!.AccountId, CancellationToken.None));

    private async Task RunAsync(Func<AdministrationService, Task> operation)
    {
        Error = null;
        // Checked again for every action: the page may have been open when the account lost its rights.
        Caller = await Session.CallerAsync();
        if (Caller is not { IsAdministrator: true })
        {
            Error = "Only administrators may do this.";
            return;
        }

        try
        {
            await Session.RunAsync(operation);
        }
        catch (PublisherException e)
        {
            Error = e.Message;
        }

        await LoadAsync();
    }
}
