using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Registry.Core.Access;
using Registry.Core.Data.Entities;

namespace Gallery.Web.Console;

/// <summary>
/// The form posts of the static sign-in and sign-up pages, the password change and sign-out. Each checks the
/// antiforgery token (form binding does, with UseAntiforgery) and answers with a redirect: on failure back to the form
/// with the message. Posts that check a password are rate limited per client address.
/// </summary>
public static class AccountEndpoints
{
    public sealed record SignInForm(string? UserName, string? Password, string? ReturnUrl);

    public sealed record SignUpForm(string? UserName, string? Email, string? Password, string? ConfirmPassword, string? Alias, string? DisplayName);

    public const string ClosedSignUp = "This gallery does not take new publishers by sign-up. Ask its administrators for an account.";

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/console/account");
        account.MapPost("/signin", SignInAsync).RequireRateLimiting(AccountPostRateLimit.PolicyName);
        account.MapPost("/signup", SignUpAsync).RequireRateLimiting(AccountPostRateLimit.PolicyName);
        account.MapPost("/password", PasswordEndpoint.ChangeAsync).RequireRateLimiting(AccountPostRateLimit.PolicyName).RequireAuthorization();
        account.MapPost("/signout", SignOutAsync).WithMetadata(new RequireAntiforgeryTokenAttribute());
        return app;
    }

    private static async Task<IResult> SignInAsync(IFormCollection fields, SignInManager<Account> signIn)
    {
        var form = new SignInForm(fields["UserName"], fields["Password"], fields["ReturnUrl"]);
        var returnUrl = LocalUrl(form.ReturnUrl);
        if (string.IsNullOrWhiteSpace(form.UserName) || string.IsNullOrEmpty(form.Password))
        {
            return BackToSignIn("Enter your user name and password.", form.UserName, returnUrl);
        }

        var user = await signIn.UserManager.FindByNameAsync(form.UserName.Trim());
        // Only someone who knows the password learns that the account is suspended (else it tells who exists).
        var result = user is { Suspended: true }
            ? await signIn.CheckPasswordSignInAsync(user, form.Password, lockoutOnFailure: true)
            : await signIn.PasswordSignInAsync(form.UserName.Trim(), form.Password, isPersistent: true, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return user is { Suspended: true }
                ? BackToSignIn("This account is suspended. Contact the gallery's administrators.", form.UserName, returnUrl)
                : Results.LocalRedirect(returnUrl);
        }

        return BackToSignIn(result.IsLockedOut
            ? "Too many failed attempts: this account is locked for 15 minutes."
            : "Wrong user name or password.", form.UserName, returnUrl);
    }

    private static async Task<IResult> SignUpAsync(IFormCollection fields, PublisherService publishers, SignInManager<Account> signIn,
        IOptions<ConsoleOptions> options, CancellationToken cancellationToken)
    {
        var form = new SignUpForm(fields["UserName"], fields["Email"], fields["Password"], fields["ConfirmPassword"], fields["Alias"], fields["DisplayName"]);
        var problem = options.Value.OpenSignUp ? SignUpProblem(form) : ClosedSignUp;
        if (problem is null)
        {
            try
            {
                var caller = await publishers.CreateAsync(new PublisherService.NewPublisher(form.UserName!.Trim(), Blank(form.Email), form.Password,
                    Blank(form.Alias), Blank(form.DisplayName)), cancellationToken);
                var user = await signIn.UserManager.FindByIdAsync(caller.AccountId);
                await signIn.SignInAsync(user!, isPersistent: true);
                return Results.LocalRedirect("/console/repositories?welcome=1");
            }
            catch (PublisherException e)
            {
                problem = e.Message;
            }
        }

        var query = QueryString.Create(new Dictionary<string, string?>
        {
            ["error"] = problem, ["userName"] = form.UserName, ["email"] = form.Email, ["alias"] = form.Alias, ["displayName"] = form.DisplayName,
        }.Where(kv => !string.IsNullOrEmpty(kv.Value)));
        return Results.LocalRedirect("/console/signup" + query);
    }

    private static async Task<IResult> SignOutAsync(SignInManager<Account> signIn)
    {
        await signIn.SignOutAsync();
        return Results.LocalRedirect("/");
    }

    /// <summary>What is wrong with a sign-up form before it reaches the account rules (which say the rest).</summary>
    public static string? SignUpProblem(SignUpForm form) => NewAccountProblem(form.UserName, form.Password) ?? ConfirmationProblem(form.Password, form.ConfirmPassword);

    /// <summary>What is wrong with a new account's user name and password before the account rules see them.</summary>
    public static string? NewAccountProblem(string? userName, string? password) =>
        string.IsNullOrWhiteSpace(userName) ? "Choose a user name." : PasswordProblem(password);

    /// <summary>What is wrong with a new password and its confirmation before the account rules see it.</summary>
    public static string? NewPasswordProblem(string? password, string? confirmation) =>
        PasswordProblem(password) ?? ConfirmationProblem(password, confirmation);

    private static string? PasswordProblem(string? password) =>
        password is not { Length: >= 10 } ? "The password must be at least 10 characters." : null;

    private static string? ConfirmationProblem(string? password, string? confirmation) =>
        password != confirmation ? "The two passwords differ." : null;

    private static IResult BackToSignIn(string error, string? userName, string returnUrl) =>
        Results.LocalRedirect(ConsoleExtensions.SignInPath + QueryString.Create(new Dictionary<string, string?>
        {
            ["error"] = error, ["userName"] = userName, ["returnUrl"] = returnUrl,
        }.Where(kv => !string.IsNullOrEmpty(kv.Value))));

    /// <summary>
    /// Only paths on this site (no open redirect); the console by default. Only printable ASCII is taken (a query string
    /// arrives decoded): browsers drop tabs and newlines (<c>/\t/evil</c> is <c>//evil</c>), and a Location header
    /// cannot carry them or non-ASCII letters (LocalRedirect would fail the response).
    /// </summary>
    public static string LocalUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
        && url.All(c => c is > ' ' and < (char)0x7f)
            ? url : "/console/repositories";

    internal static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
