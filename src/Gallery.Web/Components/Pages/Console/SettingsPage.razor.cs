using Gallery.Web.Console;
using Microsoft.AspNetCore.Components;
using Registry.Core.Access;

namespace Gallery.Web.Components.Pages.Console;

/// <summary>The registry's settings (URL, logo, alias, display name, pushes that create repositories) and the account's password.</summary>
public partial class SettingsPage
{
    [Inject]
    private ConsoleSession Session { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <summary>"changed" after the password endpoint changed it.</summary>
    [SupplyParameterFromQuery(Name = "password")]
    public string? PasswordResult { get; set; }

    /// <summary>The password endpoint's message when it refused the change.</summary>
    [SupplyParameterFromQuery]
    public string? PasswordError { get; set; }

    private bool PasswordChanged => PasswordResult == "changed";

    private Caller? Caller { get; set; }

    private bool Loaded { get; set; }

    private RegistrySettings? Registry { get; set; }

    private string? DisplayName { get; set; }

    private string? NewAlias { get; set; }

    private string? AliasProblem { get; set; }

    /// <summary>The alias change was asked for and awaits confirmation.</summary>
    private bool ConfirmAlias { get; set; }

    private string? Message { get; set; }

    private string? Error { get; set; }

    private string Host => new Uri(Navigation.BaseUri).Authority;

    private string LoginCommand =>
        $"aws ecr-public get-login-password --region us-east-1 --endpoint-url {Navigation.BaseUri.TrimEnd('/')} | docker login --username AWS --password-stdin {Host}";

    protected override async Task OnInitializedAsync()
    {
        Caller = await Session.CallerAsync();
        if (Caller is not null)
        {
            await LoadAsync();
        }

        Loaded = true;
    }

    private async Task LoadAsync()
    {
        await ReadRegistryAsync();
        DisplayName = Registry?.DisplayName;
    }

    /// <summary>Reads the registry again, leaving a display name being typed as it is.</summary>
    private async Task ReadRegistryAsync() =>
        Registry = await Session.RunAsync<RegistrySettingsService, RegistrySettings?>(s => s.FindAsync(Caller!.AccountId, CancellationToken.None));

    private async Task SaveDisplayNameAsync() => await RunAsync(p => p.SetDisplayNameAsync(Caller!.AccountId, DisplayName, CancellationToken.None), "Display name saved.");

    private async Task AliasChangedAsync(ChangeEventArgs e)
    {
        NewAlias = e.Value?.ToString()?.Trim();
        ConfirmAlias = false;
        var alias = NewAlias;
        if (string.IsNullOrEmpty(alias) || alias == Registry?.Alias)
        {
            AliasProblem = null;
            return;
        }

        var problem = await Session.RunAsync<RegistrySettingsService, string?>(p => p.AliasProblemAsync(alias, Caller!.RegistryKey, CancellationToken.None));
        if (alias == NewAlias)
        {
            AliasProblem = problem;
        }
    }

    private async Task ChangeAliasAsync()
    {
        var alias = NewAlias!;
        ConfirmAlias = false;
        await RunAsync(p => p.ChangeAliasAsync(Caller!.AccountId, alias, CancellationToken.None), $"Your registry is now {alias}.");
        Caller = await Session.CallerAsync();
        NewAlias = null;
    }

    private async Task CreateOnPushChangedAsync(ChangeEventArgs e)
    {
        var enabled = e.Value is true;
        await RunAsync(p => p.SetCreateOnPushAsync(Caller!.AccountId, enabled, CancellationToken.None), enabled ? "Pushes now create repositories." : "Pushes no longer create repositories.");
    }

    private async Task RunAsync(Func<RegistrySettingsService, Task> operation, string done)
    {
        Message = null;
        Error = null;
        try
        {
            await Session.RunAsync(operation);
            Message = done;
            await LoadAsync();
        }
        catch (PublisherException e)
        {
            Error = e.Message;
        }
    }
}
