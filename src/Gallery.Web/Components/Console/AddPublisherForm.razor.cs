using Gallery.Web.Console;
using Microsoft.AspNetCore.Components;
using Registry.Core.Access;

namespace Gallery.Web.Components.Console;

/// <summary>An administrator adds a publisher: account, password and alias, checked as they are typed.</summary>
public partial class AddPublisherForm
{
    [Inject]
    private ConsoleSession Session { get; set; } = default!;

    /// <summary>Called after a publisher was added, so the page lists it.</summary>
    [Parameter]
    public EventCallback OnAdded { get; set; }

    private string? UserName { get; set; }

    private string? Password { get; set; }

    private string? Alias { get; set; }

    private string? DisplayName { get; set; }

    private bool Busy { get; set; }

    private string? Added { get; set; }

    private string? Error { get; set; }

    private async Task AddAsync()
    {
        Added = null;
        Error = AccountEndpoints.NewAccountProblem(UserName, Password);
        if (Error is not null)
        {
            return;
        }

        Busy = true;
        try
        {
            // Checked again here: the page may have been open when the account lost its rights.
            if (await Session.CallerAsync() is not { IsAdministrator: true })
            {
                Error = "Only administrators may do this.";
                return;
            }

            var request = new PublisherService.NewPublisher(UserName!.Trim(), null, Password, AccountEndpoints.Blank(Alias), AccountEndpoints.Blank(DisplayName));
            var caller = await Session.RunAsync<PublisherService, Caller>(p => p.CreateAsync(request, CancellationToken.None));
            Added = $"{caller.UserName} can sign in now; their registry is {caller.Alias}.";
            (UserName, Password, Alias, DisplayName) = (null, null, null, null);
            await OnAdded.InvokeAsync();
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
