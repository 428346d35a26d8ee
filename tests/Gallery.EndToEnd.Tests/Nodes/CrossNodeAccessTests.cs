using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gallery.EndToEnd.Tests.Pages;
using Gallery.Testing;
using Gallery.Testing.OciLayouts;
using Microsoft.Playwright;
using static Gallery.EndToEnd.Tests.Console.ConsolePages;

namespace Gallery.EndToEnd.Tests.Nodes;

/// <summary>
/// What must hold for the whole deployment rather than per node: a key revoked on one node is refused by the other at
/// once; sign-in cookies, antiforgery tokens and registry tokens from one node work on the other under another host
/// name; the pull rate limit counts a client's pulls on both nodes together.
/// </summary>
[Collection(TwoNodes.Name)]
public sealed partial class CrossNodeAccessTests(TwoNodesFixture nodes) : IDisposable
{
    private const string ManifestType = "application/vnd.oci.image.manifest.v1+json";

    private readonly TempDirectory _temp = new("e2e-nodes");
    private readonly HttpClient _plain = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(60) };

    [Fact]
    public async Task A_key_revoked_on_one_node_is_refused_by_the_other_at_once()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var alias = "node" + id;
        var repository = $"{alias}/app";
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync(nodes.A.BaseAddress);
        page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await SignUpAsync(page, "user" + id, alias);
        await page.FillAsync("#new-repository-name", "app");
        await page.ClickAsync("#create-repository");
        await page.WaitForURLAsync(new Regex("/console/repositories/app$"));
        await page.GotoAsync("/console/keys");
        await InteractiveAsync(page);
        await page.FillAsync("#key-description", "nodes");
        await page.ClickAsync("#create-key");
        var keyId = (await page.Locator("#created-key-id").TextContentAsync())!.Trim();
        var secret = (await page.Locator("#created-key-secret").TextContentAsync())!.Trim();

        // Node B takes the key, and hands out a push token for it.
        var (layout, _) = OciLayouts.SingleLayer(_temp.Sub("push"), repository, "1.0");
        await Skopeo.CopyAsync(References.Oci(layout.Directory, "1.0"), References.Docker(nodes.BAuthority, repository, "1.0"), credentials: $"{keyId}:{secret}");
        var pushToken = await TokenAsync(nodes.BUrl(""), repository, $"{keyId}:{secret}");

        await page.ClickAsync($"#revoke-{keyId}");
        await page.ClickAsync($"#confirm-revoke-{keyId}");
        await Assertions.Expect(page.Locator("#keys-table tr", new() { HasTextString = keyId })).ToContainTextAsync("Revoked");

        // At once on node B: no token for the key, no push with the token it gave before, no push with skopeo.
        using (var refused = await TokenResponseAsync(nodes.BUrl(""), repository, $"{keyId}:{secret}"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using (var upload = new HttpRequestMessage(HttpMethod.Post, nodes.BUrl($"v2/{repository}/blobs/uploads/")))
        {
            upload.Headers.Authorization = new AuthenticationHeaderValue("Bearer", pushToken);
            using var response = await _plain.SendAsync(upload);
            Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"a push with the revoked key's token answered {(int)response.StatusCode}");
        }

        await Skopeo.CopyExpectingFailureAsync(References.Oci(layout.Directory, "1.0"), References.Docker(nodes.BAuthority, repository, "2.0"), credentials: $"{keyId}:{secret}");
    }

    [Fact]
    public async Task Cookies_antiforgery_tokens_and_registry_tokens_from_one_node_work_on_the_other_under_another_host_name()
    {
        // The sign-up form comes from node A (127.0.0.1) and is posted to node B (localhost).
        using var form = await _plain.GetAsync(nodes.A.Url("console/signup"));
        var html = await form.Content.ReadAsStringAsync();
        var antiforgery = AntiforgeryField().Match(html).Groups[1].Value;
        Assert.NotEmpty(antiforgery);
        var id = Guid.NewGuid().ToString("N")[..8];
        using var signUp = new HttpRequestMessage(HttpMethod.Post, nodes.BUrl("console/account/signup"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(antiforgery),
                ["UserName"] = "cookie" + id,
                ["Password"] = "Password-1-cookie" + id,
                ["ConfirmPassword"] = "Password-1-cookie" + id,
                ["Alias"] = "cookie" + id,
            }),
        };
        signUp.Headers.Add("Cookie", Cookies(form));
        using var signedUp = await _plain.SendAsync(signUp);
        Assert.True(signedUp.StatusCode == HttpStatusCode.Redirect, $"node B refused node A's sign-up form: {(int)signedUp.StatusCode} {await signedUp.Content.ReadAsStringAsync()}");
        Assert.StartsWith("/console/repositories", signedUp.Headers.Location!.OriginalString);

        // The sign-in cookie node B set works on node A.
        using var console = new HttpRequestMessage(HttpMethod.Get, nodes.A.Url("console/repositories"));
        console.Headers.Add("Cookie", Cookies(signedUp));
        using var signedIn = await _plain.SendAsync(console);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);

        // A registry token from node A pushes on node B.
        var repository = References.UniqueRepository("token");
        var token = await TokenAsync(nodes.A.BaseAddress, repository, TestPublisher.Credentials);
        using var upload = new HttpRequestMessage(HttpMethod.Post, nodes.BUrl($"v2/{repository}/blobs/uploads/"));
        upload.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var started = await _plain.SendAsync(upload);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
    }

    [Fact]
    public async Task A_client_pulling_from_both_nodes_gets_the_configured_rate_not_twice_it()
    {
        var repository = References.UniqueRepository("limited");
        var (layout, _) = OciLayouts.SingleLayer(_temp.Sub("push"), repository, "1.0");
        await Skopeo.CopyAsync(References.Oci(layout.Directory, "1.0"), References.Docker(nodes.A.Authority, repository, "1.0"));
        var token = await TokenAsync(nodes.A.BaseAddress, repository, credentials: null);
        Uri[] manifests = [nodes.A.Url($"v2/{repository}/manifests/1.0"), nodes.BUrl($"v2/{repository}/manifests/1.0")];

        // Empty the burst first, then count what both nodes allow together for a few seconds.
        var drained = Stopwatch.StartNew();
        while (await PullAsync(manifests[drained.ElapsedTicks % 2], token) == HttpStatusCode.OK)
        {
            Assert.True(drained.Elapsed < TimeSpan.FromSeconds(30), "the anonymous burst never ran out");
        }

        var window = TimeSpan.FromSeconds(4);
        var counted = Stopwatch.StartNew();
        var allowed = await Task.WhenAll(manifests.Select(async manifest =>
        {
            var (ok, sent) = (0, 0);
            while (counted.Elapsed < window && sent++ < 20_000)
            {
                ok += await PullAsync(manifest, token) == HttpStatusCode.OK ? 1 : 0;
            }

            return ok;
        }));

        var expected = TwoNodesFixture.AnonymousPullsPerSecond * window.TotalSeconds;
        var total = allowed.Sum();
        Assert.True(Math.Abs(total - expected) <= expected * 0.1,
            $"both nodes together allowed {total} pulls in {window.TotalSeconds} s (A {allowed[0]}, B {allowed[1]}); the limit is {expected} (±10%)");
        Assert.All(allowed, count => Assert.True(count > 0, "each node should have served some of the pulls"));
    }

    private async Task<HttpStatusCode> PullAsync(Uri manifest, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, manifest);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(ManifestType));
        using var response = await _plain.SendAsync(request);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.TooManyRequests, $"a pull answered {(int)response.StatusCode}");
        return response.StatusCode;
    }

    private async Task<string> TokenAsync(Uri node, string repository, string? credentials)
    {
        using var response = await TokenResponseAsync(node, repository, credentials);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("token").GetString()!;
    }

    private Task<HttpResponseMessage> TokenResponseAsync(Uri node, string repository, string? credentials)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(node, $"/token?service={TwoNodesFixture.Service}&scope=repository:{repository}:pull,push"));
        if (credentials is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        }

        return _plain.SendAsync(request);
    }

    /// <summary>The cookies a response set, as a Cookie header for the next request (to any node).</summary>
    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.Select(c => c.Split(';')[0]) : []);

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    public void Dispose()
    {
        _plain.Dispose();
        _temp.Dispose();
    }
}
