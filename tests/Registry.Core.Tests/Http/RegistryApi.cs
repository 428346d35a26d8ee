using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Registry.Core.Tests.Http;

/// <summary>Raw /v2/ calls the tests compose: push blobs and manifests the way clients do, read errors the way the spec writes them.</summary>
public sealed class RegistryApi(HttpClient client)
{
    public HttpClient Client => client;

    /// <summary>A fresh repository under the test publisher's alias.</summary>
    public static string UniqueName(string prefix = "tests") => $"{prefix}/repo-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 30, 60)];

    public async Task PushBlobAsync(string name, TestBlob blob)
    {
        using var response = await client.PostAsync($"/v2/{name}/blobs/uploads/?digest={blob.Digest}", Octets(blob.Content));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    public async Task<HttpResponseMessage> PutManifestAsync(string name, string reference, byte[] manifest, string mediaType)
    {
        var content = new ByteArrayContent(manifest);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return await client.PutAsync($"/v2/{name}/manifests/{reference}", content);
    }

    public async Task PushImageAsync(string name, TestImage image, string reference = "latest")
    {
        foreach (var blob in image.Blobs)
        {
            await PushBlobAsync(name, blob);
        }

        using var response = await PutManifestAsync(name, reference, image.Manifest, image.MediaType);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content = null, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        configure?.Invoke(request);
        return await client.SendAsync(request);
    }

    public static ByteArrayContent Octets(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }

    /// <summary>Asserts the status and that the body is the spec's error JSON with this code; returns the message.</summary>
    public static async Task<string> AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        var error = json.RootElement.GetProperty("errors")[0];
        Assert.Equal(code, error.GetProperty("code").GetString());
        var message = error.GetProperty("message").GetString();
        Assert.False(string.IsNullOrWhiteSpace(message));
        return message!;
    }

    public static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var contentValues) ? string.Join(",", contentValues)
        : "";
}
