using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Registry.Core.Data.Entities;

namespace Gallery.Web.Console;

/// <summary>
/// Whether a console sign-in still stands for its account. The cookie is checked again only on HTTP requests, but an
/// interactive page keeps the principal it started with for as long as its circuit lives; so every console operation
/// asks here: the account exists, is not suspended, and its security stamp is the one signed in with (a password
/// change renews the stamp).
/// </summary>
public static class SignedInAccount
{
    /// <returns>The account id, or null when nobody is signed in or the sign-in no longer holds.</returns>
    public static async Task<string?> IdAsync(ClaimsPrincipal user, IServiceProvider services)
    {
        if (user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } accountId)
        {
            return null;
        }

        var users = services.GetRequiredService<UserManager<Account>>();
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var account = await users.FindByIdAsync(accountId);
        return account is { Suspended: false } && user.FindFirstValue(stampClaim) is { } stamp && stamp == await users.GetSecurityStampAsync(account)
            ? accountId
            : null;
    }
}
