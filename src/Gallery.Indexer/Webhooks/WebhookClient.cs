using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Options;
using Registry.Core.Webhooks;

namespace Gallery.Indexer.Webhooks;

/// <summary>
/// Sends one delivery. Each new connection resolves the host once, checks every address against
/// <see cref="WebhookTargets"/> and connects to the checked address itself (so a name cannot change its answer
/// between the check and the connection); redirects are not followed; the whole attempt is bounded by the timeout,
/// and at most <see cref="MaxResponseBytes"/> of the answer is read.
/// </summary>
public sealed class WebhookClient : IDisposable
{
    public const int MaxResponseBytes = 64 * 1024;

    private readonly HttpClient _http;
    private readonly WebhookOptions _options;

    public WebhookClient(IOptions<WebhookOptions> options)
    {
        _options = options.Value;
        _http = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            ConnectTimeout = _options.Timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            MaxResponseHeadersLength = 64,
            ConnectCallback = ConnectAsync,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Gallery-Webhooks", "1.0"));
    }

    /// <summary>What one attempt got: the status (null without an answer), how long it took and the answer's start (or why none).</summary>
    public sealed record Attempt(bool Succeeded, int? Status, int LatencyMs, string Response);

    public async Task<Attempt> SendAsync(string url, string eventName, string deliveryId, string payload, string secret, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(payload);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add("X-Gallery-Event", eventName);
        request.Headers.Add("X-Gallery-Delivery", deliveryId);
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Compute(secret, body));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var excerpt = await ReadExcerptAsync(response, timeout.Token);
            var status = (int)response.StatusCode;
            return new Attempt(response.IsSuccessStatusCode, status, Elapsed(clock), excerpt);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Attempt(false, null, Elapsed(clock), $"no answer within {_options.Timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e)
        {
            var reason = e.InnerException is WebhookTargetRefusedException refused ? refused.Message : e.Message;
            return new Attempt(false, null, Elapsed(clock), Shorten(reason));
        }
    }

    public void Dispose() => _http.Dispose();

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var (address, refusal) = await WebhookTargets.ResolveAsync(context.DnsEndPoint.Host, _options.AllowPrivateTargets, cancellationToken);
        if (address is null)
        {
            throw new WebhookTargetRefusedException($"refused: {refusal}");
        }

        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Reads at most <see cref="MaxResponseBytes"/> of the answer (a huge body is cut, not waited for) and keeps its start.</summary>
    private static async Task<string> ReadExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[MaxResponseBytes];
        var filled = 0;
        int read;
        while (filled < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken)) > 0)
        {
            filled += read;
        }

        return Shorten(Encoding.UTF8.GetString(buffer, 0, filled));
    }

    /// <summary>The start of a text for people: control characters (a binary answer's NULs, which PostgreSQL refuses) read as '?'.</summary>
    private static string Shorten(string text)
    {
        var cut = text.Length <= WebhookRules.ResponseExcerptLength ? text : text[..(WebhookRules.ResponseExcerptLength - 1)] + "…";
        return string.Create(cut.Length, cut, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) && source[i] is not ('\n' or '\t') ? '?' : source[i];
            }
        });
    }

    private static int Elapsed(Stopwatch clock) => (int)Math.Min(int.MaxValue, clock.ElapsedMilliseconds);

    private sealed class WebhookTargetRefusedException(string message) : IOException(message);
}
