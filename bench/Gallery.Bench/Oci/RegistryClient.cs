using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;

namespace Gallery.Bench.Oci;

/// <summary>
/// The OCI Distribution client the harness measures both servers with: the same requests, in the same order, over
/// the same kind of connection. Any unexpected answer throws, with the server's body, so a figure never hides an error.
/// Bearer challenges are answered (<see cref="TokenAuthenticator"/>) and the request sent again.
/// </summary>
public sealed class RegistryClient(HttpClient http, Uri baseAddress, (string User, string Password)? credentials = null)
{
    private readonly TokenAuthenticator _tokens = new(http, credentials);

    private const int ReadBufferSize = 1024 * 1024;

    public Uri BaseAddress => baseAddress;

    public static HttpClient CreateHttpClient(int maxConnections) => new(new SocketsHttpHandler
    {
        UseProxy = false,
        AutomaticDecompression = DecompressionMethods.None,
        MaxConnectionsPerServer = maxConnections,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        ConnectTimeout = TimeSpan.FromSeconds(10),
    })
    {
        Timeout = TimeSpan.FromMinutes(10),
    };

    public Uri Url(string repository, string path) => new(baseAddress, $"v2/{repository}/{path}");

    /// <summary>POST + one PUT carrying the whole blob (the monolithic upload every registry supports).</summary>
    public async Task PushMonolithicAsync(string repository, HttpContent content, string digest, CancellationToken cancellationToken)
    {
        var location = await StartUploadAsync(repository, cancellationToken);
        content.Headers.ContentType ??= new MediaTypeHeaderValue("application/octet-stream");
        using var response = await SendAsync(repository, () => new HttpRequestMessage(HttpMethod.Put, WithDigest(location, digest)) { Content = content }, cancellationToken);
        await ExpectAsync(response, HttpStatusCode.Created, $"PUT of blob {digest}");
    }

    /// <summary>GET of a blob, read to the end and thrown away; returns the bytes read.</summary>
    public async Task<long> PullBlobAsync(string repository, string digest, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ReadBufferSize);
        try
        {
            using var response = await SendAsync(repository, () => new HttpRequestMessage(HttpMethod.Get, Url(repository, $"blobs/{digest}")), cancellationToken, HttpCompletionOption.ResponseHeadersRead);
            await ExpectAsync(response, HttpStatusCode.OK, $"GET of blob {digest}");
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            long total = 0;
            int read;
            while ((read = await body.ReadAsync(buffer.AsMemory(0, ReadBufferSize), cancellationToken)) > 0)
            {
                total += read;
            }

            return total;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>GET of a blob, hashed; throws unless the bytes match the digest (run outside any timing).</summary>
    public async Task VerifyBlobAsync(string repository, string digest, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(repository, () => new HttpRequestMessage(HttpMethod.Get, Url(repository, $"blobs/{digest}")), cancellationToken, HttpCompletionOption.ResponseHeadersRead);
        await ExpectAsync(response, HttpStatusCode.OK, $"GET of blob {digest}");
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var actual = "sha256:" + Convert.ToHexStringLower(await SHA256.HashDataAsync(body, cancellationToken));
        if (actual != digest)
        {
            throw new BenchException($"{baseAddress} served {actual} for blob {digest}");
        }
    }

    public async Task PutManifestAsync(string repository, string reference, byte[] manifest, string mediaType, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(repository, () =>
        {
            var content = new ByteArrayContent(manifest);
            content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
            return new HttpRequestMessage(HttpMethod.Put, Url(repository, $"manifests/{reference}")) { Content = content };
        }, cancellationToken);
        await ExpectAsync(response, HttpStatusCode.Created, $"PUT of manifest {repository}:{reference}");
    }

    public async Task<byte[]> GetManifestAsync(string repository, string reference, string mediaType, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(repository, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, Url(repository, $"manifests/{reference}"));
            request.Headers.Accept.ParseAdd(mediaType);
            return request;
        }, cancellationToken);
        await ExpectAsync(response, HttpStatusCode.OK, $"GET of manifest {repository}:{reference}");
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    /// <summary>The number of tags GET /v2/&lt;name&gt;/tags/list returns in one answer (no n, no paging).</summary>
    public async Task<int> CountTagsAsync(string repository, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(repository, () => new HttpRequestMessage(HttpMethod.Get, Url(repository, "tags/list")), cancellationToken);
        await ExpectAsync(response, HttpStatusCode.OK, $"GET of {repository} tags/list");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken));
        return json.RootElement.GetProperty("tags").GetArrayLength();
    }

    private async Task<Uri> StartUploadAsync(string repository, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(repository, () => new HttpRequestMessage(HttpMethod.Post, Url(repository, "blobs/uploads/")) { Content = new ByteArrayContent([]) }, cancellationToken);
        await ExpectAsync(response, HttpStatusCode.Accepted, $"POST of an upload to {repository}");
        return Location(response);
    }

    /// <summary>The Authorization header value load generators should send for this repository (null: none needed).</summary>
    public string? AuthorizationFor(string repository) => _tokens.AuthorizationFor(repository);

    /// <summary>Sends with the repository's token; after a Bearer challenge, fetches a token and sends a fresh request once more.</summary>
    private async Task<HttpResponseMessage> SendAsync(
        string repository, Func<HttpRequestMessage> create, CancellationToken cancellationToken, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        var response = await http.SendAsync(Authorized(create(), repository), completion, cancellationToken);
        if (!await _tokens.TryAnswerChallengeAsync(repository, response, cancellationToken))
        {
            return response;
        }

        response.Dispose();
        return await http.SendAsync(Authorized(create(), repository), completion, cancellationToken);
    }

    private HttpRequestMessage Authorized(HttpRequestMessage request, string repository)
    {
        if (_tokens.AuthorizationFor(repository) is { } authorization)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return request;
    }

    private Uri Location(HttpResponseMessage response) =>
        response.Headers.Location is { } location
            ? new Uri(baseAddress, location)
            : throw new BenchException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered without a Location header");

    private static Uri WithDigest(Uri location, string digest)
    {
        var separator = string.IsNullOrEmpty(location.Query) ? "?" : "&";
        return new Uri(location.AbsoluteUri + separator + "digest=" + Uri.EscapeDataString(digest));
    }

    private static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode expected, string what)
    {
        if (response.StatusCode == expected)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync();
        throw new BenchException(
            $"{what} at {response.RequestMessage?.RequestUri}: expected {(int)expected}, got {(int)response.StatusCode} {response.ReasonPhrase}: {body[..Math.Min(body.Length, 500)]}");
    }
}
