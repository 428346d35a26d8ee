using Gallery.Web.Console;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Registry.Core.Access;
using Registry.Core.Oci;
using Registry.Core.Repositories;
using Registry.Core.Repositories.Management;

namespace Gallery.Web.Components.Pages.Console;

/// <summary>The publisher's repositories with a filter, and creating one with the name rule checked as it is typed.</summary>
public partial class RepositoriesPage
{
    [Inject]
    private ConsoleSession Session { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "welcome")]
    public int? WelcomeFlag { get; set; }

    private bool Welcome => WelcomeFlag == 1;

    private Caller? Caller { get; set; }

    private bool Loaded { get; set; }

    private List<ManagedRepository> Repositories { get; set; } = [];

    private string Filter { get; set; } = "";

    private string NewName { get; set; } = "";

    private string? NameProblem { get; set; }

    private string? CreateError { get; set; }

    private bool Busy { get; set; }

    private List<ManagedRepository> Shown => Repositories
        .Where(r => Filter.Length == 0 || r.Name.Contains(Filter.Trim(), StringComparison.OrdinalIgnoreCase)
            || (r.Description?.Contains(Filter.Trim(), StringComparison.OrdinalIgnoreCase) ?? false))
        .ToList();

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
        Repositories = await Session.RunAsync<RepositoryManagementService, List<ManagedRepository>>(m => m.ListManagedAsync(Caller!.RegistryKey, CancellationToken.None));

    private void NameChanged(ChangeEventArgs e)
    {
        NewName = e.Value?.ToString() ?? "";
        CreateError = null;
        NameProblem = NewName.Length == 0 ? null
            : !RepositoryName.IsValidName(NewName, out var error) ? error
            : Repositories.Any(r => r.Name == NewName) ? $"You already have a repository named {NewName}." : null;
    }

    private async Task CreateAsync()
    {
        if (Caller is null || NameProblem is not null || NewName.Length == 0)
        {
            return;
        }

        Busy = true;
        try
        {
            var name = NewName;
            await Session.RunAsync<RepositoryManagementService>(m => m.CreateAsync(Caller.RegistryKey, name, null, [], CancellationToken.None));
            Navigation.NavigateTo(ConsoleUrls.Repository(name));
        }
        catch (RepositoryRuleException e)
        {
            CreateError = e.Message;
        }
        finally
        {
            Busy = false;
        }
    }
}
