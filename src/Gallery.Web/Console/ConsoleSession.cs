using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Registry.Core.Access;
using Registry.Core.Events;

namespace Gallery.Web.Console;

/// <summary>
/// The signed-in publisher of a console page, and a fresh service scope per operation: an interactive page lives
/// for a whole circuit, so it must not hold one DbContext across user actions (nor run two actions on one).
/// </summary>
public sealed class ConsoleSession(AuthenticationStateProvider authentication, IServiceScopeFactory scopes)
{
    /// <summary>The caller, or null when nobody is signed in or the account is suspended (it may do nothing).</summary>
    public async Task<Caller?> CallerAsync(CancellationToken cancellationToken = default)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        var accountId = state.User.FindFirstValue(ClaimTypes.NameIdentifier);
        return accountId is null ? null : await RunAsync<PublisherService, Caller?>(p => p.FindCallerAsync(accountId, cancellationToken));
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

    /// <summary>A scope whose changes record the signed-in user as their actor.</summary>
    private async Task<AsyncServiceScope> OpenScopeAsync()
    {
        var scope = scopes.CreateAsyncScope();
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        if (user.Identity?.Name is { } name)
        {
            scope.ServiceProvider.GetRequiredService<EventActor>().Set(EventActor.Describe(name, EventActor.ViaConsole));
        }

        return scope;
    }
}
