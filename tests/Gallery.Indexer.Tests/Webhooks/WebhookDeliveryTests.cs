using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gallery.Indexer.Tests.Indexing;
using Gallery.Testing;
using Gallery.Testing.Processes;
using Gallery.Testing.Webhooks;
using Registry.Core;

namespace Gallery.Indexer.Tests.Webhooks;

/// <summary>Deliveries to a real receiver on 127.0.0.1: signatures, retries, order, slow receivers, restarts, refused targets.</summary>
public abstract class WebhookDeliveryTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Secret = "receiver-shared-secret-0123456789";
    private TestDatabase? _database;

    private static readonly Dictionary<string, string?> Fast = new()
    {
        ["Gallery:Webhooks:AllowPrivateTargets"] = "true",
        ["Gallery:Webhooks:FirstRetryDelay"] = "00:00:00.200",
        ["Gallery:Webhooks:PollInterval"] = "00:00:00.100",
        ["Gallery:Webhooks:Timeout"] = "00:00:01",
    };

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _database!.DisposeAsync();

    [Fact]
    public async Task Pushes_are_delivered_signed_and_in_order_and_a_500_is_retried_before_later_events()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = n => new WebhookReceiver.Reply(n == 0 ? 500 : 200);
        await using var host = await IndexHost.StartAsync(_database!, Fast);
        var webhook = await CreateAsync(host, receiver.Url, ["image.pushed", "tag.moved"]);
        var repository = $"{TestPublisher.Alias}/hooked-{Guid.NewGuid():N}"[..30];
        foreach (var tag in new[] { "v1", "v2", "v3" })
        {
            await PushClient.PushAsync(host.Client, repository, tag);
        }

        var received = await receiver.WaitForAsync(7);
        Assert.Equal(received[0].Delivery, received[1].Delivery); // the 500, then its retry
        var delivered = received.Skip(1).ToList();
        Assert.Equal(["image.pushed", "tag.moved", "image.pushed", "tag.moved", "image.pushed", "tag.moved"], delivered.Select(r => r.Event));
        var bodies = delivered.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        Assert.Equal(["v1", "v1", "v2", "v2", "v3", "v3"], bodies.Select(b => b.GetProperty("tag").GetString()));
        foreach (var (request, body) in delivered.Zip(bodies))
        {
            Assert.Equal("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), request.Body)), request.Signature);
            Assert.Equal(request.Delivery, body.GetProperty("id").GetString());
            Assert.Equal(repository, body.GetProperty("repository").GetString());
            Assert.StartsWith("sha256:", body.GetProperty("digest").GetString());
            Assert.Equal(JsonValueKind.Array, body.GetProperty("platforms").ValueKind);
            Assert.Contains("access key", body.GetProperty("pusher").GetString());
        }

        var deliveries = await GetJsonAsync(host, $"/api/webhooks/{webhook}/deliveries");
        var first = deliveries.EnumerateArray().Last();
        Assert.Equal("delivered", first.GetProperty("state").GetString());
        Assert.Equal(2, first.GetProperty("attempts").GetInt32());
        Assert.Equal(200, first.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_receiver_that_hangs_or_answers_a_huge_body_is_recorded_and_retried_and_pushes_stay_fast()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = n => n == 0 ? new WebhookReceiver.Reply(200, TimeSpan.FromSeconds(30)) : new WebhookReceiver.Reply(200, BodyBytes: 4 * 1024 * 1024);
        await using var host = await IndexHost.StartAsync(_database!, Fast);
        var webhook = await CreateAsync(host, receiver.Url, ["image.pushed"]);
        var repository = $"{TestPublisher.Alias}/hang-{Guid.NewGuid():N}"[..28];
        await PushClient.PushAsync(host.Client, repository, "first");
        await receiver.WaitForAsync(1);

        var clock = Stopwatch.StartNew();
        await PushClient.PushAsync(host.Client, repository, "while-hanging");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"a push took {clock.Elapsed} while a receiver hung");

        var deliveries = await WaitForAsync(host, webhook, d => d.All(x => x.GetProperty("state").GetString() == "delivered") && d.Count == 2);
        var received = await receiver.WaitForAsync(3);
        Assert.Equal(received[0].Delivery, received[1].Delivery);
        var retried = deliveries.Last();
        Assert.Equal(2, retried.GetProperty("attempts").GetInt32());
        Assert.True(retried.GetProperty("response").GetString()!.Length <= 1024);
    }

    [Fact]
    public async Task Deliveries_queued_before_a_restart_are_sent_after_it_and_test_and_redeliver_work()
    {
        var port = FreePort.Next();
        var receiverUrl = $"http://127.0.0.1:{port}/hook";
        string repository = $"{TestPublisher.Alias}/restart-{Guid.NewGuid():N}"[..30];
        long webhook;
        await using (var host = await IndexHost.StartAsync(_database!, Fast))
        {
            webhook = await CreateAsync(host, receiverUrl, ["image.pushed"]);
            await PushClient.PushAsync(host.Client, repository, "before-restart");
            await WaitForAsync(host, webhook, d => d.Count == 1 && d[0].GetProperty("attempts").GetInt32() >= 1); // refused: nobody listens yet
        }

        await using var receiver = await WebhookReceiver.StartAsync(port);
        await using (var host = await IndexHost.StartAsync(_database!, Fast))
        {
            var received = await receiver.WaitForAsync(1);
            Assert.Equal("before-restart", JsonDocument.Parse(received[0].Body).RootElement.GetProperty("tag").GetString());

            using var test = await SendAsync(host, HttpMethod.Post, $"/api/webhooks/{webhook}/test");
            Assert.Equal(HttpStatusCode.Accepted, test.StatusCode);
            var ping = (await receiver.WaitForAsync(2))[1];
            Assert.Equal("ping", ping.Event);

            var original = (await WaitForAsync(host, webhook, d => d.Any(x => x.GetProperty("event").GetString() == "image.pushed" && x.GetProperty("state").GetString() == "delivered")))
                .First(x => x.GetProperty("event").GetString() == "image.pushed");
            using var redeliver = await SendAsync(host, HttpMethod.Post, $"/api/webhooks/deliveries/{original.GetProperty("id").GetInt64()}/redeliver");
            Assert.Equal(HttpStatusCode.Accepted, redeliver.StatusCode);
            var again = (await receiver.WaitForAsync(3))[2];
            Assert.Equal(received[0].Delivery, again.Delivery);
            Assert.Equal(received[0].Body, again.Body);
        }
    }

    [Fact]
    public async Task Loopback_receivers_are_refused_at_delivery_time_without_AllowPrivateTargets()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        long webhook;
        await using (var host = await IndexHost.StartAsync(_database!, Fast))
        {
            webhook = await CreateAsync(host, receiver.Url, ["image.pushed"]);
        }

        var strict = new Dictionary<string, string?>(Fast) { ["Gallery:Webhooks:AllowPrivateTargets"] = "false" };
        await using (var host = await IndexHost.StartAsync(_database!, strict))
        {
            await PushClient.PushAsync(host.Client, $"{TestPublisher.Alias}/strict-{Guid.NewGuid():N}"[..28], "x");
            var deliveries = await WaitForAsync(host, webhook, d => d.Count == 1 && d[0].GetProperty("attempts").GetInt32() >= 1);
            Assert.Contains("loopback", deliveries[0].GetProperty("response").GetString());
            Assert.Equal(JsonValueKind.Null, deliveries[0].GetProperty("status").ValueKind);
        }

        Assert.Empty(receiver.Requests);
    }

    private static async Task<long> CreateAsync(IndexHost host, string url, string[] events)
    {
        using var response = await SendAsync(host, HttpMethod.Post, "/api/webhooks", JsonContent.Create(new { url, secret = Secret, events }));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
    }

    private static async Task<List<JsonElement>> WaitForAsync(IndexHost host, long webhook, Func<List<JsonElement>, bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var deliveries = (await GetJsonAsync(host, $"/api/webhooks/{webhook}/deliveries")).EnumerateArray().ToList();
            if (condition(deliveries))
            {
                return deliveries;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"deliveries did not get there in time: {string.Join(", ", deliveries)}");
            await Task.Delay(50);
        }
    }

    private static async Task<JsonElement> GetJsonAsync(IndexHost host, string path)
    {
        using var response = await SendAsync(host, HttpMethod.Get, path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static async Task<HttpResponseMessage> SendAsync(IndexHost host, HttpMethod method, string path, HttpContent? content = null)
    {
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(TestPublisher.Credentials)));
        return await client.SendAsync(request);
    }
}

public sealed class SqliteWebhookDeliveryTests() : WebhookDeliveryTests(DatabaseProvider.Sqlite);

public sealed class PostgresWebhookDeliveryTests() : WebhookDeliveryTests(DatabaseProvider.Postgres);
