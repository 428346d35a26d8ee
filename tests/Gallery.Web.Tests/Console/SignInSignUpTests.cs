using Gallery.Web.Components.Pages.Console;
using Gallery.Web.Console;
using Microsoft.AspNetCore.Http;
using Registry.Core.Access;

namespace Gallery.Web.Tests.Console;

/// <summary>
/// The static sign-in and sign-up forms as their endpoints send users back to them: the message, and what was
/// typed except passwords. The endpoints' own checks are covered end to end.
/// </summary>
public sealed class SignInSignUpTests : ConsoleTestContext
{
    [Fact]
    public void Sign_in_shows_no_message_on_a_first_visit()
    {
        var cut = Visit<SignIn>("/console/signin");

        Assert.Empty(cut.FindAll("[role=alert]"));
        Assert.Equal("/console/account/signin", cut.Find("form").GetAttribute("action"));
        Assert.Equal("post", cut.Find("form").GetAttribute("method"));
        Assert.Equal("", cut.Find("#signin-user").GetAttribute("value") ?? "");
    }

    [Fact]
    public void Sign_in_shows_the_endpoints_message_as_text_and_keeps_the_user_name_and_return_url_but_not_the_password()
    {
        var cut = Visit<SignIn>("/console/signin" + Query(("error", "Wrong user name or password. <b>x</b>"), ("userName", "alice"), ("returnUrl", "/console/keys")));

        Assert.Equal("Wrong user name or password. <b>x</b>", cut.Find("[role=alert]").TextContent);
        Assert.Empty(cut.FindAll("[role=alert] b"));
        Assert.Equal("alice", cut.Find("#signin-user").GetAttribute("value"));
        Assert.Equal("/console/keys", cut.Find("input[name=ReturnUrl]").GetAttribute("value"));
        Assert.Null(cut.Find("#signin-password").GetAttribute("value"));
    }

    [Theory]
    [InlineData("/console/keys", "/console/keys")]
    [InlineData("/%5Cevil.example", "/%5Cevil.example")]
    [InlineData("//evil.example", "/console/repositories")]
    [InlineData("/\\evil.example", "/console/repositories")]
    [InlineData("/\t/evil.example", "/console/repositories")]
    [InlineData("/\n/evil.example", "/console/repositories")]
    [InlineData("/\u007f/evil.example", "/console/repositories")]
    [InlineData("/console/\u00e9", "/console/repositories")]
    [InlineData("/console/a b", "/console/repositories")]
    [InlineData("http:evil.example", "/console/repositories")]
    [InlineData("https://evil.example", "/console/repositories")]
    [InlineData("", "/console/repositories")]
    public void Sign_in_returns_only_to_paths_of_this_site(string returnUrl, string expected) =>
        Assert.Equal(expected, AccountEndpoints.LocalUrl(returnUrl));

    [Fact]
    public void Sign_up_shows_the_forms_own_message_and_keeps_what_was_typed_except_passwords()
    {
        var form = new AccountEndpoints.SignUpForm("alice", "alice@example.com", "Short-1", "Short-1", "alice-tools", "Alice & Co");
        var problem = AccountEndpoints.SignUpProblem(form);
        Assert.Equal("The password must be at least 10 characters.", problem);

        var cut = Visit<SignUp>("/console/signup" + Query(("error", problem), ("userName", form.UserName), ("email", form.Email), ("alias", form.Alias), ("displayName", form.DisplayName)));

        Assert.Equal(problem, cut.Find("[role=alert]").TextContent);
        Assert.Equal(("alice", "alice@example.com", "alice-tools", "Alice & Co"),
            (cut.Find("#signup-user").GetAttribute("value"), cut.Find("#signup-email").GetAttribute("value"), cut.Find("#signup-alias").GetAttribute("value"), cut.Find("#signup-display").GetAttribute("value")));
        Assert.Null(cut.Find("#signup-password").GetAttribute("value"));
        Assert.Null(cut.Find("#signup-confirm").GetAttribute("value"));
    }

    [Fact]
    public async Task Sign_up_shows_the_account_rules_message_for_a_taken_alias()
    {
        await CreatePublisherAsync("takenup");
        var refused = await Assert.ThrowsAsync<PublisherException>(() => CreatePublisherAsync("takenup"));

        var cut = Visit<SignUp>("/console/signup" + Query(("error", refused.Message), ("userName", "bob"), ("alias", "takenup")));

        Assert.Equal("registry alias 'takenup' is already taken", cut.Find("[role=alert]").TextContent);
        Assert.Equal("takenup", cut.Find("#signup-alias").GetAttribute("value"));
        Assert.Equal("", cut.Find("#signup-email").GetAttribute("value") ?? "");
    }

    [Fact]
    public void Sign_up_shows_no_message_on_a_first_visit()
    {
        var cut = Visit<SignUp>("/console/signup");

        Assert.Empty(cut.FindAll("[role=alert]"));
        Assert.Equal("/console/account/signup", cut.Find("form").GetAttribute("action"));
    }

    [Fact]
    public void With_sign_up_open_sign_in_links_to_it()
    {
        var signIn = Visit<SignIn>("/console/signin");

        Assert.Single(signIn.FindAll("a[href='/console/signup']"));
    }

    /// <summary>The query string the endpoints redirect with.</summary>
    private static string Query(params (string Key, string? Value)[] values) =>
        QueryString.Create(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).ToString();
}
