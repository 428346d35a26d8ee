using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Gallery.Indexer.Tests.Indexing;

/// <summary>Pushes the smallest image there is, one manifest PUT: an OCI index with no children (no blobs needed).</summary>
public static class PushClient
{
    public static async Task PushAsync(HttpClient client, string repository, string tag = "latest")
    {
        var manifest = Encoding.UTF8.GetBytes($$$"""{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[],"annotations":{"t":"{{{tag}}}"}}""");
        var content = new ByteArrayContent(manifest);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.oci.image.index.v1+json");
        using var response = await client.PutAsync($"/v2/{repository}/manifests/{tag}", content);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    public static async Task PullAsync(HttpClient client, string repository, string tag = "latest")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v2/{repository}/manifests/{tag}");
        request.Headers.Accept.ParseAdd("application/vnd.oci.image.index.v1+json");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
