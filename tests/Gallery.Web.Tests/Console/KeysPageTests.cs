using Gallery.Web.Components.Pages.Console;
using Registry.Core.Access;

namespace Gallery.Web.Tests.Console;

/// <summary>The access keys page: a key's secret shown once, the list, and revoking after a confirmation.</summary>
public sealed class KeysPageTests : ConsoleTestContext
{
    [Fact]
    public async Task A_created_keys_secret_is_shown_once_and_signs_in_and_the_key_is_listed()
    {
        var caller = await CreatePublisherAsync("keysa");
        await SignInAsync(caller);
        var cut = Render<KeysPage>();
        cut.WaitForElement("#keys-table");
        Assert.Empty(cut.FindAll("#keys-table tbody tr"));

        cut.Find("#key-description").Change("  CI pipeline ");
        await cut.Find("#create-key").ClickAsync(new());
        cut.WaitForElement("#created-key");
        Assert.Equal("Copy the secret now: it is shown only once.", cut.Find("#created-key strong").TextContent);
        var id = cut.Find("#created-key-id").TextContent;
        var secret = cut.Find("#created-key-secret").TextContent;
        Assert.Matches("^GK[A-Z2-7]{18}$", id);
        Assert.Equal(40, secret.Length);
        Assert.Equal(caller.AccountId, (await VerifyAsync(id, secret))?.AccountId);
        Assert.Equal([id, "CI pipeline", "just now", "Active", "Never", "Revoke…"], Row(cut, 0));
        Assert.Equal("", cut.Find("#key-description").GetAttribute("value") ?? "");

        await cut.FindAll("#created-key button").Single(b => b.TextContent == "I have saved it").ClickAsync(new());
        Assert.Empty(cut.FindAll("#created-key"));
        Assert.DoesNotContain(secret, cut.Markup);

        var again = Render<KeysPage>();
        again.WaitForAssertion(() => Assert.Single(again.FindAll("#keys-table tbody tr")));
        Assert.Empty(again.FindAll("#created-key"));
        Assert.DoesNotContain(secret, again.Markup);
        Assert.Equal(id, Row(again, 0)[0]);
        Assert.Equal("just now", Row(again, 0)[4]);
    }

    [Fact]
    public async Task Revoking_needs_a_confirmation_and_then_the_key_is_refused_and_listed_as_revoked()
    {
        var caller = await CreatePublisherAsync("keysb");
        var kept = await RunAsync<AccessKeyService, AccessKeyService.CreatedKey>(k => k.CreateAsync(caller.AccountId, "kept", CancellationToken.None));
        var revoked = await RunAsync<AccessKeyService, AccessKeyService.CreatedKey>(k => k.CreateAsync(caller.AccountId, "laptop", CancellationToken.None));
        await SignInAsync(caller);
        var cut = Render<KeysPage>();
        cut.WaitForElement($"#revoke-{revoked.AccessKeyId}");
        Assert.Equal(2, cut.FindAll("#keys-table tbody tr").Count);

        await cut.Find($"#revoke-{revoked.AccessKeyId}").ClickAsync(new());
        Assert.Contains("Revoke? Clients using it stop working.", cut.Find($"#confirm-revoke-{revoked.AccessKeyId}").ParentElement!.TextContent);
        await cut.Find($"#confirm-revoke-{revoked.AccessKeyId}").ParentElement!.QuerySelectorAll("button").Single(b => b.TextContent == "Cancel").ClickAsync(new());
        Assert.Empty(cut.FindAll($"#confirm-revoke-{revoked.AccessKeyId}"));
        Assert.NotNull(await VerifyAsync(revoked.AccessKeyId, revoked.SecretAccessKey));

        await cut.Find($"#revoke-{revoked.AccessKeyId}").ClickAsync(new());
        await cut.Find($"#confirm-revoke-{revoked.AccessKeyId}").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Equal("Revoked just now", RowOf(cut, revoked.AccessKeyId)[3]));
        Assert.Empty(cut.FindAll($"#revoke-{revoked.AccessKeyId}"));
        Assert.Null(await VerifyAsync(revoked.AccessKeyId, revoked.SecretAccessKey));
        Assert.Null(await RunAsync<AccessKeyService, AccessKeyService.ActiveKey?>(k => k.FindActiveAsync(revoked.AccessKeyId, CancellationToken.None)));

        Assert.Equal("Active", RowOf(cut, kept.AccessKeyId)[3]);
        Assert.NotNull(await VerifyAsync(kept.AccessKeyId, kept.SecretAccessKey));
    }

    private async Task<Caller?> VerifyAsync(string accessKeyId, string secret) =>
        await RunAsync<CredentialVerifier, Caller?>(v => v.VerifyAsync(accessKeyId, secret, CancellationToken.None));

    [Fact]
    public async Task A_description_longer_than_the_limit_is_refused_with_a_message_and_creates_no_key()
    {
        var caller = await CreatePublisherAsync("keysc");
        await SignInAsync(caller);
        var cut = Render<KeysPage>();
        cut.WaitForElement("#keys-table");

        cut.Find("#key-description").Change(new string('d', AccessKeyService.MaxDescriptionLength + 1));
        await cut.Find("#create-key").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal("the key's description is at most 200 characters", cut.Find("#key-error").TextContent));
        Assert.Empty(cut.FindAll("#created-key"));
        Assert.Empty(cut.FindAll("#keys-table tbody tr"));
        Assert.Empty(await RunAsync<AccessKeyService, List<AccessKeyService.KeySummary>>(k => k.ListAsync(caller.AccountId, CancellationToken.None)));
    }

    private static string[] Row(IRenderedComponent<KeysPage> cut, int index) =>
        cut.FindAll("#keys-table tbody tr")[index].QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray();

    private static string[] RowOf(IRenderedComponent<KeysPage> cut, string accessKeyId) =>
        cut.FindAll("#keys-table tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).Single(r => r[0] == accessKeyId);
}
