using Gallery.Web.Components.Console;
using Microsoft.AspNetCore.Identity;
using Registry.Core.Access;
using Registry.Core.Data.Entities;

namespace Gallery.Web.Tests.Console;

/// <summary>Administrators adding a publisher (the way in when sign-up is closed), on Registry.Core's account rules.</summary>
public sealed class AddPublisherFormTests : ConsoleTestContext
{
    [Fact]
    public async Task An_administrator_adds_a_publisher_who_can_sign_in_with_that_password()
    {
        await SignInAsync(await CreatePublisherAsync("addera", administrator: true));
        var added = 0;
        var cut = Render<AddPublisherForm>(p => p.Add(f => f.OnAdded, () => added++));

        Fill(cut, "carol", "correct horse battery", "carol-tools", "Carol & Co");
        await cut.Find("#add-publisher").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal("carol can sign in now; their registry is carol-tools.", cut.Find("#publisher-added").TextContent));
        Assert.Equal(1, added);
        Assert.Null(cut.Find("#new-publisher-user").GetAttribute("value"));
        var carol = (await RunAsync<UserManager<Account>, Account?>(users => users.FindByNameAsync("carol")))!;
        Assert.True(await RunAsync<UserManager<Account>, bool>(users => users.CheckPasswordAsync(carol, "correct horse battery")));
        var registry = await RunAsync<RegistrySettingsService, RegistrySettings?>(p => p.FindAsync(carol.Id, CancellationToken.None));
        Assert.Equal(("carol-tools", "Carol & Co"), (registry!.Alias, registry.DisplayName));
    }

    [Theory]
    [InlineData("", "Password-long", "", "Choose a user name.")]
    [InlineData("dave", "short", "", "The password must be at least 10 characters.")]
    [InlineData("dave", "aaaaabbbbb", "", "Passwords must use at least 5 different characters.")]
    [InlineData("dave", "Password-long", "takenadd", "registry alias 'takenadd' is already taken")]
    [InlineData("dave", "Password-long", "Bad_Alias", "registry alias 'Bad_Alias' must start with a lowercase letter")]
    public async Task A_publisher_the_rules_refuse_is_not_added_and_the_message_says_why(string user, string password, string alias, string expected)
    {
        await CreatePublisherAsync("takenadd");
        await SignInAsync(await CreatePublisherAsync("adderb", administrator: true));
        var cut = Render<AddPublisherForm>();

        Fill(cut, user, password, alias, "");
        await cut.Find("#add-publisher").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.StartsWith(expected, cut.Find("#add-publisher-error").TextContent));
        Assert.Empty(cut.FindAll("#publisher-added"));
        Assert.Null(await RunAsync<UserManager<Account>, Account?>(users => users.FindByNameAsync("dave")));
    }

    [Fact]
    public async Task A_publisher_who_is_not_an_administrator_adds_nobody()
    {
        await SignInAsync(await CreatePublisherAsync("notadmin"));
        var cut = Render<AddPublisherForm>();

        Fill(cut, "mallory", "Password-mallory", "", "");
        await cut.Find("#add-publisher").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal("Only administrators may do this.", cut.Find("#add-publisher-error").TextContent));
        Assert.Null(await RunAsync<UserManager<Account>, Account?>(users => users.FindByNameAsync("mallory")));
    }

    private static void Fill(IRenderedComponent<AddPublisherForm> cut, string user, string password, string alias, string displayName)
    {
        cut.Find("#new-publisher-user").Change(user);
        cut.Find("#new-publisher-password").Change(password);
        cut.Find("#new-publisher-alias").Change(alias);
        cut.Find("#new-publisher-display").Change(displayName);
    }
}
