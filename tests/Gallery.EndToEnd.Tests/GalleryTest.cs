using System.Net.Http.Headers;
using Gallery.Testing;
using Gallery.Testing.Processes;

namespace Gallery.EndToEnd.Tests;

/// <summary>What every end-to-end test class has: the running server of its collection and a temp directory of its own.</summary>
public abstract class GalleryTest(GalleryFixture fixture) : IDisposable
{
    private static readonly string[] ManifestTypes =
    [
        "application/vnd.oci.image.manifest.v1+json",
        "application/vnd.oci.image.index.v1+json",
        "application/vnd.docker.distribution.manifest.v2+json",
        "application/vnd.docker.distribution.manifest.list.v2+json",
    ];

    protected GalleryProcess Gallery => fixture.Gallery;

    protected TempDirectory Temp { get; } = new("e2e");

    /// <summary>HTTP straight to the registry, with bearer tokens fetched as the test publisher (as clients do).</summary>
    protected HttpClient Http { get; } = new(new RegistryTokenHandler(TestPublisher.Credentials)) { Timeout = TimeSpan.FromSeconds(30) };

    protected string Docker(string repository, string tag) => References.Docker(Gallery.Authority, repository, tag);

    protected string DockerRepository(string repository) => References.DockerRepository(Gallery.Authority, repository);

    protected string DockerDigest(string repository, string digest) => References.DockerDigest(Gallery.Authority, repository, digest);

    /// <summary>GET /v2/NAME/manifests/REFERENCE over HTTP (signed in), accepting every manifest type.</summary>
    protected async Task<HttpResponseMessage> GetManifestAsync(string repository, string reference)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Gallery.Url($"v2/{repository}/manifests/{reference}"));
        foreach (var type in ManifestTypes)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
        }

        return await Http.SendAsync(request);
    }

    public void Dispose()
    {
        Http.Dispose();
        Temp.Dispose();
        GC.SuppressFinalize(this);
    }
}
