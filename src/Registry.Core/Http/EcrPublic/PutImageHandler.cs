using System.Text;
using Registry.Core.Access.Policies;
using Registry.Core.Oci;
using Registry.Core.Repositories;
using Registry.Core.Repositories.Images;

namespace Registry.Core.Http.EcrPublic;

/// <summary>PutImage: a manifest pushed through ManifestService, with ECR Public's error names.</summary>
internal static class PutImageHandler
{
    private sealed record PutRequest(string? RegistryId, string RepositoryName, string ImageManifest, string? ImageManifestMediaType, string? ImageTag, string? ImageDigest);

    public static async Task<object> PutAsync(EcrCall call)
    {
        var request = call.Read<PutRequest>();
        var target = await RepositoryTargets.ResolveAsync(call, request.RegistryId, request.RepositoryName, EcrPublicActions.PutImage);
        var content = Encoding.UTF8.GetBytes(request.ImageManifest);
        var reference = Reference(request);
        var parsed = Parse(content, request.ImageManifestMediaType);
        var digest = Digest.Compute(content, reference.Digest?.Algorithm ?? Digest.Sha256);
        if (reference.Digest is { } claimed && claimed != digest)
        {
            throw new EcrPublicException(EcrErrorTypes.ImageDigestDoesNotMatch, $"The image digest '{claimed}' does not match the manifest's digest '{digest}'");
        }

        await EnsureNewAsync(call, target, request, digest);
        try
        {
            await call.Service<ManifestService>().PutAsync(target.Name, reference, content, request.ImageManifestMediaType ?? parsed.MediaType, call.Aborted);
        }
        catch (RegistryException e) when (e.Error == OciErrorCode.ManifestBlobUnknown)
        {
            throw new EcrPublicException(parsed.IsIndex ? EcrErrorTypes.ReferencedImagesNotFound : EcrErrorTypes.LayersNotFound, e.Message);
        }

        return new
        {
            image = new
            {
                registryId = target.Registry.RegistryId,
                repositoryName = request.RepositoryName,
                imageId = new EcrShapes.ImageIdShape(digest.ToString(), request.ImageTag),
                imageManifest = request.ImageManifest,
                imageManifestMediaType = parsed.MediaType,
            },
        };
    }

    private static ManifestRef Reference(PutRequest request)
    {
        if (request.ImageTag is { } tag && !TagName.IsValid(tag, out var tagError))
        {
            throw EcrPublicException.InvalidParameter($"Invalid parameter at 'imageTag' failed to satisfy constraint: '{tagError}'");
        }

        Digest? digest = null;
        if (request.ImageDigest is { } text)
        {
            digest = Digest.TryParse(text, out var parsed, out var digestError)
                ? parsed
                : throw EcrPublicException.InvalidParameter($"Invalid parameter at 'imageDigest' failed to satisfy constraint: '{digestError}'");
        }

        return new ManifestRef(request.ImageTag, digest);
    }

    private static ParsedManifest Parse(byte[] content, string? mediaType)
    {
        try
        {
            return ManifestParser.Parse(content, mediaType);
        }
        catch (RegistryException e)
        {
            throw EcrPublicException.InvalidParameter($"Invalid parameter at 'imageManifest' failed to satisfy constraint: '{e.Message}'");
        }
    }

    /// <summary>ECR Public refuses a push that changes nothing: the same manifest under the same tag (or untagged, again).</summary>
    private static async Task EnsureNewAsync(EcrCall call, RepositoryTarget target, PutRequest request, Digest digest)
    {
        var images = call.Service<ImageQueryService>();
        var existing = request.ImageTag is { } tag
            ? await images.FindByTagAsync(target.Repository.Id, tag, call.Aborted)
            : await images.FindByDigestAsync(target.Repository.Id, digest.ToString(), call.Aborted);
        if (existing?.Digest == digest.ToString())
        {
            throw new EcrPublicException(EcrErrorTypes.ImageAlreadyExists,
                $"Image with digest '{digest}' and tag '{request.ImageTag ?? "null"}' already exists in the repository with name '{request.RepositoryName}' in registry with id '{target.Registry.RegistryId}'");
        }
    }
}
