using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gallery.Testing.Webhooks;

/// <summary>
/// A real webhook receiver on 127.0.0.1: records every request it gets (headers and body, in arrival order) and
/// answers as <see cref="Answer"/> says for the n-th request (0-based), by default 200.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _count;

    public sealed record Received(string Event, string Delivery, string Signature, byte[] Body, DateTime At);

    public sealed record Reply(int Status, TimeSpan Delay = default, int BodyBytes = 0);

    private WebhookReceiver(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Url { get; }

    public Func<int, Reply> Answer { get; set; } = _ => new Reply(200);

    public ConcurrentQueue<Received> Requests { get; } = new();

    public static async Task<WebhookReceiver> StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        WebhookReceiver? receiver = null;
        app.MapPost("/hook", async (HttpContext http) =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            var n = Interlocked.Increment(ref receiver!._count) - 1;
            receiver.Requests.Enqueue(new Received(http.Request.Headers["X-Gallery-Event"].ToString(), http.Request.Headers["X-Gallery-Delivery"].ToString(),
                http.Request.Headers["X-Gallery-Signature-256"].ToString(), body.ToArray(), DateTime.UtcNow));
            var reply = receiver.Answer(n);
            if (reply.Delay > TimeSpan.Zero)
            {
                await Task.Delay(reply.Delay, http.RequestAborted).ContinueWith(_ => { });
            }

            http.Response.StatusCode = reply.Status;
            if (reply.BodyBytes > 0)
            {
                await http.Response.Body.WriteAsync(new byte[reply.BodyBytes].AsMemory(), http.RequestAborted).AsTask().ContinueWith(_ => { });
            }
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver = new WebhookReceiver(app, address + "/hook");
        return receiver;
    }

    /// <summary>Waits until at least <paramref name="count"/> requests arrived (bounded).</summary>
    public async Task<IReadOnlyList<Received>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        while (Requests.Count < count)
        {
            await Task.Delay(20, cancellation.Token);
        }

        return Requests.ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
