using System.Net;
using System.Text.RegularExpressions;
using Gallery.Testing;
using Gallery.Testing.Processes;
using Registry.Core;

namespace Gallery.EndToEnd.Tests.Console;

/// <summary>
/// The account form posts of a server configured as an operator would close it: sign-up refused (administrators add
/// publishers) and a few password posts per address and minute, past which the answer is 429 with Retry-After.
/// </summary>
public sealed partial class AccountFormLimitsTests
{
    private const int PostsPerMinute = 3;

    [Fact]
    public async Task Closed_sign_up_creates_nobody_and_the_posts_past_the_limit_are_refused_with_429()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var gallery = await GalleryProcess.StartAsync(database, new Dictionary<string, string?>
        {
            ["Gallery__Console__OpenSignUp"] = "false",
            ["Gallery__Console__AccountPostsPerMinute"] = PostsPerMinute.ToString(),
        });
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = gallery.BaseAddress };

        var signUpPage = await browser.GetStringAsync("/console/signup");
        Assert.Contains("does not take new publishers by sign-up", signUpPage);
        Assert.DoesNotContain("action=\"/console/account/signup\"", signUpPage);

        using var signUp = await PostAsync(browser, "/console/account/signup", ("UserName", "intruder"), ("Password", "intruder-password"), ("ConfirmPassword", "intruder-password"));
        Assert.Equal(HttpStatusCode.Redirect, signUp.StatusCode);
        Assert.StartsWith("/console/signup?error=", signUp.Headers.Location?.OriginalString);

        using var signIn = await PostAsync(browser, "/console/account/signin", ("UserName", "intruder"), ("Password", "intruder-password"));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("Wrong%20user%20name%20or%20password", signIn.Headers.Location?.OriginalString);

        HttpResponseMessage? refused = null;
        for (var attempt = 0; attempt < 5 && refused is null; attempt++)
        {
            var response = await PostAsync(browser, "/console/account/signin", ("UserName", "intruder"), ("Password", "another-guess"));
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.NotNull(refused);
        using (refused)
        {
            Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single()) is > 0 and <= 60);
            Assert.Contains("Too many sign-in, sign-up or password attempts from your address", await refused.Content.ReadAsStringAsync());
        }

        // Pages and the registry are not limited with the posts.
        using var page = await browser.GetAsync("/console/signin");
        using var registry = await browser.GetAsync("/v2/");
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Unauthorized), (page.StatusCode, registry.StatusCode));
    }

    /// <summary>Posts a form as the browser would: with the antiforgery token of a freshly loaded sign-in page.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string path, params (string Name, string Value)[] fields)
    {
        var form = await browser.GetStringAsync("/console/signin");
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        var content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token)));
        return await browser.PostAsync(path, content);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
