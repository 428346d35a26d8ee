using System.Net;
using System.Net.Http.Headers;

namespace Gallery.EndToEnd.Tests.Nodes;

/// <summary>The OCI upload steps over HTTP, each sent to whichever node a test names.</summary>
internal static class Uploads
{
    /// <summary>POST .../blobs/uploads/: the new session's location (a path, valid on every node).</summary>
    public static async Task<string> StartAsync(HttpClient http, Uri node, string repository)
    {
        using var response = await http.PostAsync(new Uri(node, $"/v2/{repository}/blobs/uploads/"), null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var location = response.Headers.Location!;
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    /// <summary>PATCH one chunk at <paramref name="offset"/>, with its Content-Range.</summary>
    public static async Task PatchAsync(HttpClient http, Uri node, string location, byte[] blob, int offset, int end) =>
        Assert.Equal(HttpStatusCode.Accepted, await TryPatchAsync(http, node, location, blob, offset, end));

    /// <summary>PATCH one chunk; the answer's status (anything but 202 and 416 fails the test).</summary>
    public static async Task<HttpStatusCode> TryPatchAsync(HttpClient http, Uri node, string location, byte[] blob, int offset, int end)
    {
        using var content = new ByteArrayContent(blob, offset, end - offset);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var request = new HttpRequestMessage(HttpMethod.Patch, new Uri(node, location)) { Content = content };
        request.Headers.TryAddWithoutValidation("Content-Range", $"{offset}-{end - 1}");
        using var response = await http.SendAsync(request);
        Assert.True(response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.RequestedRangeNotSatisfiable,
            $"PATCH {offset}-{end - 1} to {node} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response.StatusCode;
    }

    /// <summary>The Range the upload reports (GET on the session): how many bytes it holds.</summary>
    public static async Task<long> SizeAsync(HttpClient http, Uri node, string location)
    {
        using var response = await http.GetAsync(new Uri(node, location));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var range = response.Headers.GetValues("Range").Single();
        return long.Parse(range[(range.IndexOf('-') + 1)..], System.Globalization.CultureInfo.InvariantCulture) + 1;
    }

    /// <summary>PUT ?digest=: completes the upload; the answer's status.</summary>
    public static async Task<HttpStatusCode> CompleteAsync(HttpClient http, Uri node, string location, string digest)
    {
        var separator = location.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        using var response = await http.PutAsync(new Uri(node, $"{location}{separator}digest={digest}"), null);
        return response.StatusCode;
    }

    public static async Task<byte[]> GetBlobAsync(HttpClient http, Uri node, string repository, string digest)
    {
        using var response = await http.GetAsync(new Uri(node, $"/v2/{repository}/blobs/{digest}"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }
}
