using System.Text.Json;

namespace Registry.Core.Tests.Conformance;

/// <summary>
/// The suite's HTTP client (reggie over resty over Go net/http), as far as the registry can tell: request paths
/// under the root, query parameters url-encoded and appended after any query a Location already has, bodies sent
/// as a one-shot stream (so chunked, with no Content-Length), the conformance User-Agent, redirects followed.
/// </summary>
internal sealed class ConformanceClient(HttpClient http, string name)
{
    public const string UserAgent = "distribution-spec-conformance-tests";

    /// <summary>OCI_NAMESPACE: the repository every workflow uses.</summary>
    public string Name => name;

    public ConformanceRequest Request(HttpMethod method, string path) => new(http, method, path);

    /// <summary>The setups' upload: POST (status not checked), then PUT &lt;Location&gt;?digest= with the body.</summary>
    public async Task<ConformanceResponse> UploadAsync(ConformanceBlob blob)
    {
        var post = await Request(HttpMethod.Post, $"/v2/{name}/blobs/uploads/").SendAsync();
        return await Request(HttpMethod.Put, post.RelativeLocation)
            .Query("digest", blob.Digest)
            .ContentType("application/octet-stream")
            .Body(blob.Content)
            .SendAsync();
    }

    public Task<ConformanceResponse> PutManifestAsync(string reference, ConformanceBlob manifest, string mediaType = ConformanceFixtures.ManifestMediaType) =>
        Request(HttpMethod.Put, $"/v2/{name}/manifests/{reference}").ContentType(mediaType).Body(manifest.Content).SendAsync();

    public Task<ConformanceResponse> DeleteAsync(string kind, string reference) =>
        Request(HttpMethod.Delete, $"/v2/{name}/{kind}/{reference}").SendAsync();
}

internal sealed class ConformanceRequest(HttpClient http, HttpMethod method, string path)
{
    private readonly List<(string Key, string Value)> _query = [];
    private readonly List<(string Key, string Value)> _headers = [];
    private string? _contentType;
    private byte[]? _body;

    public string Description => $"{method} {Url}";

    /// <summary>resty: when the path already has a query, the encoded parameters (sorted by key) follow an '&amp;'.</summary>
    private string Url
    {
        get
        {
            var url = "/" + path.TrimStart('/');
            if (_query.Count == 0)
            {
                return url;
            }

            var encoded = string.Join("&", _query.OrderBy(q => q.Key, StringComparer.Ordinal)
                .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value)}"));
            return url.Contains('?', StringComparison.Ordinal) ? $"{url}&{encoded}" : $"{url}?{encoded}";
        }
    }

    public ConformanceRequest Query(string key, string value)
    {
        _query.RemoveAll(q => q.Key == key);
        _query.Add((key, value));
        return this;
    }

    public ConformanceRequest Header(string key, string value)
    {
        _headers.Add((key, value));
        return this;
    }

    public ConformanceRequest ContentType(string value)
    {
        _contentType = value;
        return this;
    }

    /// <summary>reggie's SetBody wraps the bytes in a NopCloser, so Go streams them chunked without Content-Length.</summary>
    public ConformanceRequest Body(byte[] body)
    {
        _body = body;
        return this;
    }

    public async Task<ConformanceResponse> SendAsync()
    {
        using var request = new HttpRequestMessage(method, Url);
        request.Headers.TryAddWithoutValidation("User-Agent", ConformanceClient.UserAgent);
        if (_body is not null)
        {
            request.Content = new StreamContent(new OneShotStream(_body));
        }
        else if (_contentType is not null)
        {
            // A Content-Type without a body (Go sends Content-Length: 0 for a body-less PUT or POST).
            request.Content = new ByteArrayContent([]);
        }

        if (_contentType is not null)
        {
            request.Content!.Headers.TryAddWithoutValidation("Content-Type", _contentType);
        }

        foreach (var (key, value) in _headers)
        {
            // Content-Range is a content header in .NET: request.Headers refuses it, so it goes on the content.
            if (!request.Headers.TryAddWithoutValidation(key, value) && request.Content?.Headers.TryAddWithoutValidation(key, value) != true)
            {
                throw new InvalidOperationException($"header {key} could not be set on {Description}");
            }
        }

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new ConformanceResponse(Description, (int)response.StatusCode, body, Headers(response));
    }

    private static Dictionary<string, string> Headers(HttpResponseMessage response)
    {
        // Go's Header().Get: the first raw value of the header, "" when absent.
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, values) in response.Headers.NonValidated.Concat(response.Content.Headers.NonValidated))
        {
            headers.TryAdd(key, values.FirstOrDefault() ?? "");
        }

        return headers;
    }

    /// <summary>A non-seekable stream: HttpClient cannot learn its length, so it sends Transfer-Encoding: chunked.</summary>
    private sealed class OneShotStream(byte[] content) : MemoryStream(content, writable: false)
    {
        public override bool CanSeek => false;
    }
}

internal sealed record ConformanceResponse(string Request, int Status, string Body, IReadOnlyDictionary<string, string> Headers)
{
    public string Header(string name) => Headers.GetValueOrDefault(name, "");

    /// <summary>reggie's GetRelativeLocation: the path and query of Location; scheme, host and fragment dropped.</summary>
    public string RelativeLocation
    {
        get
        {
            var location = Header("Location");
            if (location.Length == 0)
            {
                return "";
            }

            if (!location.StartsWith('/') && Uri.TryCreate(location, UriKind.Absolute, out var absolute))
            {
                location = absolute.GetComponents(UriComponents.PathAndQuery, UriFormat.UriEscaped);
            }
            else if (location.StartsWith("//", StringComparison.Ordinal) && Uri.TryCreate("http:" + location, UriKind.Absolute, out var schemeless))
            {
                location = schemeless.GetComponents(UriComponents.PathAndQuery, UriFormat.UriEscaped);
            }

            var fragment = location.IndexOf('#', StringComparison.Ordinal);
            location = fragment < 0 ? location : location[..fragment];
            return location.TrimEnd('?');
        }
    }

    /// <summary>resp.Errors(): the body parsed as <c>{"errors":[...]}</c>; null when it is not JSON or the list is empty.</summary>
    public IReadOnlyList<ErrorInfo>? Errors()
    {
        try
        {
            var errors = JsonSerializer.Deserialize<ErrorResponse>(Body, GoJson.Unmarshal)?.Errors;
            return errors is { Count: > 0 } ? errors : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>json.Unmarshal into the suite's type (Go matches field names case-insensitively); false on a parse error.</summary>
    public bool TryUnmarshal<T>(out T? value)
        where T : class
    {
        try
        {
            value = JsonSerializer.Deserialize<T>(Body, GoJson.Unmarshal);
            return true;
        }
        catch (JsonException)
        {
            value = null;
            return false;
        }
    }

    /// <summary>getTagList: the tags of a TagList body, or none when it does not parse.</summary>
    public List<string> Tags() => TryUnmarshal<TagList>(out var list) ? list?.Tags ?? [] : [];
}

internal sealed record ErrorResponse(List<ErrorInfo>? Errors);

internal sealed record ErrorInfo(string? Code, string? Message, JsonElement? Detail);

/// <summary>The suite's TagList.</summary>
internal sealed record TagList(string? Name, List<string>? Tags);

/// <summary>The fields of the suite's <c>index</c> and <c>descriptor</c> that the referrers checks read.</summary>
internal sealed record ReferrersIndex(int SchemaVersion, string? MediaType, List<ReferrerDescriptor>? Manifests);

internal sealed record ReferrerDescriptor(string? MediaType, string? Digest, long Size, string? ArtifactType, Dictionary<string, string>? Annotations);
