using System.Text.Json;
using Gallery.Testing;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Access;
using Registry.Core.Tests.Http;

namespace Registry.Core.Tests.EcrPublic;

/// <summary>Base of the ECR Public API tests: a signed client for the bootstrap publisher and helpers to make more.</summary>
public abstract class EcrPublicTestBase(RegistryFixture fixture)
{
    protected RegistryFixture Fixture { get; } = fixture;

    protected EcrPublicClient Ecr { get; } = new(fixture.Host.RawClient, TestPublisher.AccessKeyId, TestPublisher.SecretAccessKey);

    protected static string NewName(string prefix = "ecr") => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    protected async Task<string> CreateRepositoryAsync(string? name = null)
    {
        name ??= NewName();
        await Ecr.CallAsync("CreateRepository", new { repositoryName = name });
        return name;
    }

    /// <summary>Pushes an image the way the API's push operations do: layer upload per blob, then PutImage.</summary>
    protected async Task<JsonElement> PushAsync(string repositoryName, TestImage image, string? tag = "latest")
    {
        foreach (var blob in image.Blobs)
        {
            await UploadLayerAsync(repositoryName, blob.Content);
        }

        return await Ecr.CallAsync("PutImage", new
        {
            repositoryName,
            imageManifest = System.Text.Encoding.UTF8.GetString(image.Manifest),
            imageManifestMediaType = image.MediaType,
            imageTag = tag,
        });
    }

    protected async Task UploadLayerAsync(string repositoryName, byte[] content)
    {
        var check = await Ecr.CallAsync("BatchCheckLayerAvailability", new { repositoryName, layerDigests = new[] { DigestOf(content) } });
        if (check.GetProperty("layers").GetArrayLength() > 0)
        {
            return;
        }

        var upload = await Ecr.CallAsync("InitiateLayerUpload", new { repositoryName });
        var uploadId = upload.GetProperty("uploadId").GetString();
        await Ecr.CallAsync("UploadLayerPart", new { repositoryName, uploadId, partFirstByte = 0, partLastByte = content.Length - 1, layerPartBlob = content });
        await Ecr.CallAsync("CompleteLayerUpload", new { repositoryName, uploadId, layerDigests = new[] { DigestOf(content) } });
    }

    /// <summary>A second publisher with its own alias and key, and a client signing as it.</summary>
    protected async Task<(Caller Caller, EcrPublicClient Client, string AccessKeyId)> OtherPublisherAsync()
    {
        var created = await Access.OtherPublishers.CreateAsync(Fixture.Host, $"other-{Guid.NewGuid():N}", displayName: "Other");
        return (created.Caller, new EcrPublicClient(Fixture.Host.RawClient, created.AccessKeyId, created.SecretAccessKey), created.AccessKeyId);
    }

    protected static string DigestOf(byte[] content) => "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));

    protected static List<string> Strings(JsonElement array, string property) =>
        array.EnumerateArray().Select(e => e.GetProperty(property).GetString()!).ToList();
}
