using Gallery.Web.Components.Pages.Console;
using Gallery.Web.Console;
using Microsoft.Extensions.DependencyInjection;

namespace Gallery.Web.Tests.Console;

/// <summary>The sign-in and sign-up pages of a gallery where only administrators add publishers.</summary>
public sealed class ClosedSignUpTests : ConsoleTestContext
{
    public ClosedSignUpTests()
        : base(services => services.Configure<ConsoleOptions>(o => o.OpenSignUp = false))
    {
    }

    [Fact]
    public void With_sign_up_closed_the_sign_up_page_says_so_without_a_form_and_sign_in_offers_no_sign_up()
    {
        var signUp = Visit<SignUp>("/console/signup");
        Assert.Equal(AccountEndpoints.ClosedSignUp, signUp.Find("#signup-closed").TextContent);
        Assert.Empty(signUp.FindAll("form"));

        var signIn = Visit<SignIn>("/console/signin");
        Assert.Single(signIn.FindAll("form"));
        Assert.Empty(signIn.FindAll("a[href='/console/signup']"));
    }
}
