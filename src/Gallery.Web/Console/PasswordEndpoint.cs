using Microsoft.AspNetCore.Identity;
using Registry.Core.Data.Entities;

namespace Gallery.Web.Console;

/// <summary>
/// The settings page's password form: checks the current password, sets the new one under the account rules, and
/// renews this browser's sign-in (the new security stamp signs every other session out).
/// </summary>
public static class PasswordEndpoint
{
    private const string ChangedPath = "/console/settings?password=changed";

    public static async Task<IResult> ChangeAsync(IFormCollection fields, HttpContext http, SignInManager<Account> signIn)
    {
        var user = await signIn.UserManager.GetUserAsync(http.User);
        if (user is null || user.Suspended)
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect(ConsoleExtensions.SignInPath);
        }

        string? current = fields["CurrentPassword"], replacement = fields["NewPassword"];
        var problem = string.IsNullOrEmpty(current)
            ? "Enter your current password."
            : AccountEndpoints.NewPasswordProblem(replacement, fields["ConfirmPassword"]);
        if (problem is null)
        {
            // Checked first with lockout, as at sign-in: a stolen session must not be a way to guess the password.
            var check = await signIn.CheckPasswordSignInAsync(user, current!, lockoutOnFailure: true);
            problem = check.IsLockedOut ? "Too many wrong passwords: this account is locked for 15 minutes."
                : check.Succeeded ? null
                : "The current password is wrong.";
        }

        if (problem is null)
        {
            var changed = await signIn.UserManager.ChangePasswordAsync(user, current!, replacement!);
            if (changed.Succeeded)
            {
                await signIn.RefreshSignInAsync(user);
                return Results.LocalRedirect(ChangedPath);
            }

            problem = string.Join(" ", changed.Errors.Select(e => e.Description));
        }

        return Results.LocalRedirect("/console/settings" + QueryString.Create("passwordError", problem));
    }
}
