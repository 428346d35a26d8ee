using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Oci;
using Registry.Core.Repositories;

namespace Gallery.Web.Tests.Console;

/// <summary>Pushes small OCI images through the registry's own upload and manifest services, as a client's push would.</summary>
public static class ConsoleImages
{
    /// <summary>One image for a platform, with one layer of <paramref name="layerBytes"/> bytes, tagged with each tag; returns its digest.</summary>
    public static async Task<string> PushAsync(IServiceProvider services, RepositoryName name, string architecture, int layerBytes, params string[] tags)
    {
        var config = Encoding.UTF8.GetBytes($$"""{"architecture":"{{architecture}}","os":"linux"}""");
        var layer = new byte[layerBytes];
        Random.Shared.NextBytes(layer);
        await UploadAsync(services, name, config);
        await UploadAsync(services, name, layer);
        var manifest = Encoding.UTF8.GetBytes($$$"""
            {"schemaVersion":2,"mediaType":"{{{MediaTypes.OciManifest}}}",
             "config":{"mediaType":"{{{MediaTypes.OciImageConfig}}}","digest":"{{{Digest.Compute(config)}}}","size":{{{config.Length}}}},
             "layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"{{{Digest.Compute(layer)}}}","size":{{{layer.Length}}}}]}
            """);
        var digest = Digest.Compute(manifest);
        foreach (var reference in tags.Length == 0 ? [new ManifestRef(null, digest)] : tags.Select(t => new ManifestRef(t, null)))
        {
            await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ManifestService>().PutAsync(name, reference, manifest, MediaTypes.OciManifest, CancellationToken.None);
        }

        return digest.ToString();
    }

    private static async Task UploadAsync(IServiceProvider services, RepositoryName name, byte[] blob)
    {
        await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<UploadService>().UploadMonolithicAsync(name, Digest.Compute(blob), new MemoryStream(blob), CancellationToken.None);
    }
}
