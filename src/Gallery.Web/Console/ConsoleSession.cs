using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Registry.Core.Access;
using Registry.Core.Events;

namespace Gallery.Web.Console;

/// <summary>
/// The signed-in publisher of a console page, and a fresh service scope per operation: an interactive page lives
/// for a whole circuit, so it must not hold one DbContext across user actions (nor run two actions on one).
/// </summary>
public sealed class ConsoleSession(AuthenticationStateProvider authentication, IServiceScopeFactory scopes, NavigationManager navigation)
{
    public const string StaleSignIn = "This sign-in is no longer valid (the password changed or the account was suspended): sign in again.";

    /// <summary>
    /// The caller, or null when nobody is signed in, the account is suspended or the sign-in no longer holds
    /// (<see cref="SignedInAccount"/>): it may do nothing.
    /// </summary>
    public async Task<Caller?> CallerAsync(CancellationToken cancellationToken = default)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        await using var scope = scopes.CreateAsyncScope();
        return await SignedInAccount.IdAsync(user, scope.ServiceProvider) is { } accountId
            ? await scope.ServiceProvider.GetRequiredService<PublisherService>().FindCallerAsync(accountId, cancellationToken)
            : null;
    }

    public async Task<TResult> RunAsync<TService, TResult>(Func<TService, Task<TResult>> operation) where TService : notnull
    {
        await using var scope = await OpenScopeAsync();
        return await operation(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task RunAsync<TService>(Func<TService, Task> operation) where TService : notnull
    {
        await using var scope = await OpenScopeAsync();
        await operation(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>An operation that needs several services of one scope.</summary>
    public async Task<TResult> RunAsync<TResult>(Func<IServiceProvider, Task<TResult>> operation)
    {
        await using var scope = await OpenScopeAsync();
        return await operation(scope.ServiceProvider);
    }

    /// <summary>
    /// A scope whose changes record the signed-in user as their actor. Refused once the sign-in no longer holds: a
    /// page opened before the password changed or the account was suspended must not go on acting (say, making keys).
    /// The browser is sent to sign in again, with the reason; meanwhile the refusal is a <see cref="PublisherException"/>,
    /// which the console's forms show as their message.
    /// </summary>
    private async Task<AsyncServiceScope> OpenScopeAsync()
    {
        var scope = scopes.CreateAsyncScope();
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        if (await SignedInAccount.IdAsync(user, scope.ServiceProvider) is null)
        {
            await scope.DisposeAsync();
            navigation.NavigateTo(ConsoleExtensions.SignInPath + QueryString.Create("error", StaleSignIn), forceLoad: true);
            throw new PublisherException(StaleSignIn);
        }

        if (user.Identity?.Name is { } name)
        {
            scope.ServiceProvider.GetRequiredService<EventActor>().Set(EventActor.Describe(name, EventActor.ViaConsole));
        }

        return scope;
    }
}
