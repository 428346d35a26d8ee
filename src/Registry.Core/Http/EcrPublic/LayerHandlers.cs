using Registry.Core.Access.Policies;
using Registry.Core.Oci;
using Registry.Core.Repositories;

namespace Registry.Core.Http.EcrPublic;

/// <summary>
/// BatchCheckLayerAvailability, InitiateLayerUpload, UploadLayerPart, CompleteLayerUpload: the API's layer push,
/// on the same upload sessions as the registry's own chunked uploads.
/// </summary>
internal static class LayerHandlers
{
    /// <summary>The part size InitiateLayerUpload advertises (ECR Public's largest part; parts up to 20 MiB are accepted).</summary>
    public const long PartSize = 10 * 1024 * 1024;

    private sealed record CheckRequest(string? RegistryId, string RepositoryName, List<string> LayerDigests);

    private sealed record InitiateRequest(string? RegistryId, string RepositoryName);

    private sealed record PartRequest(string? RegistryId, string RepositoryName, string UploadId, long PartFirstByte, long PartLastByte, byte[] LayerPartBlob);

    private sealed record CompleteRequest(string? RegistryId, string RepositoryName, string UploadId, List<string> LayerDigests);

    public static async Task<object> CheckAvailabilityAsync(EcrCall call)
    {
        var request = call.Read<CheckRequest>();
        var target = await RepositoryTargets.ResolveAsync(call, request.RegistryId, request.RepositoryName, EcrPublicActions.BatchCheckLayerAvailability);
        var blobs = call.Service<BlobService>();
        var layers = new List<object>();
        var failures = new List<object>();
        foreach (var text in request.LayerDigests.Distinct())
        {
            if (!Digest.TryParse(text, out var digest, out _))
            {
                failures.Add(new { layerDigest = text, failureCode = "InvalidLayerDigest", failureReason = "Invalid layer digest" });
                continue;
            }

            try
            {
                var size = await blobs.GetLinkedSizeAsync(target.Name, digest, call.Aborted);
                layers.Add(new { layerDigest = text, layerAvailability = "AVAILABLE", layerSize = size });
            }
            catch (RegistryException e) when (e.Error == OciErrorCode.BlobUnknown)
            {
                failures.Add(new { layerDigest = text, failureCode = "MissingLayerDigest", failureReason = "Could not find layer" });
            }
        }

        return new { layers, failures };
    }

    public static async Task<object> InitiateAsync(EcrCall call)
    {
        var request = call.Read<InitiateRequest>();
        var target = await RepositoryTargets.ResolveAsync(call, request.RegistryId, request.RepositoryName, EcrPublicActions.InitiateLayerUpload);
        var session = await call.Service<UploadService>().StartAsync(target.Name, call.Aborted);
        return new { uploadId = session.Id.ToString("D"), partSize = PartSize };
    }

    public static async Task<object> UploadPartAsync(EcrCall call)
    {
        var request = call.Read<PartRequest>();
        var target = await RepositoryTargets.ResolveAsync(call, request.RegistryId, request.RepositoryName, EcrPublicActions.UploadLayerPart);
        var uploads = call.Service<UploadService>();
        var session = await FindSessionAsync(uploads, target, request.UploadId, call.Aborted);
        var blob = request.LayerPartBlob;
        if (blob.Length == 0 || request.PartFirstByte != session.Size || request.PartLastByte - request.PartFirstByte + 1 != blob.Length)
        {
            throw InvalidPart(target, request.UploadId, session.Size,
                $"The layer part covers bytes {request.PartFirstByte}-{request.PartLastByte} with {blob.Length} bytes of data, but the upload '{request.UploadId}' holds {session.Size} bytes: a part must continue where the upload ends");
        }

        try
        {
            var updated = await uploads.AppendAsync(target.Name, request.UploadId, new MemoryStream(blob, writable: false),
                $"{request.PartFirstByte}-{request.PartLastByte}", blob.Length, call.Aborted);
            return new { registryId = target.Registry.RegistryId, repositoryName = request.RepositoryName, uploadId = request.UploadId, lastByteReceived = updated.Size - 1 };
        }
        catch (RegistryException e) when (e.Error == OciErrorCode.RangeInvalid || e.Error == OciErrorCode.SizeInvalid)
        {
            throw InvalidPart(target, request.UploadId, session.Size, e.Message);
        }
    }

    public static async Task<object> CompleteAsync(EcrCall call)
    {
        var request = call.Read<CompleteRequest>();
        var target = await RepositoryTargets.ResolveAsync(call, request.RegistryId, request.RepositoryName, EcrPublicActions.CompleteLayerUpload);
        var uploads = call.Service<UploadService>();
        var session = await FindSessionAsync(uploads, target, request.UploadId, call.Aborted);
        if (request.LayerDigests.Count != 1 || !Digest.TryParse(request.LayerDigests[0], out var digest, out _))
        {
            throw EcrPublicException.InvalidParameter("Invalid parameter at 'layerDigests' failed to satisfy constraint: exactly one valid layer digest is required");
        }

        if (session.Size == 0)
        {
            throw new EcrPublicException(EcrErrorTypes.EmptyUpload, $"The upload '{request.UploadId}' has no layer parts");
        }

        if (await IsLinkedAsync(call, target, digest))
        {
            await uploads.CancelAsync(target.Name, request.UploadId, call.Aborted);
            throw new EcrPublicException(EcrErrorTypes.LayerAlreadyExists,
                $"The layer '{digest}' already exists in the repository with name '{request.RepositoryName}' in registry with id '{target.Registry.RegistryId}'");
        }

        try
        {
            await uploads.CompleteAsync(target.Name, request.UploadId, digest, Stream.Null, null, 0, call.Aborted);
        }
        catch (RegistryException e) when (e.Error == OciErrorCode.DigestInvalid)
        {
            throw new EcrPublicException(EcrErrorTypes.InvalidLayer, e.Message);
        }

        return new { registryId = target.Registry.RegistryId, repositoryName = request.RepositoryName, uploadId = request.UploadId, layerDigest = digest.ToString() };
    }

    /// <summary>
    /// InvalidLayerPartException with the members its shape models, so a client can resume after
    /// <c>lastValidByteReceived</c> (left out while the upload holds no bytes: the model's PartSize has no -1).
    /// </summary>
    private static EcrPublicException InvalidPart(RepositoryTarget target, string uploadId, long received, string message)
    {
        var members = new Dictionary<string, object>
        {
            ["registryId"] = target.Registry.RegistryId,
            ["repositoryName"] = target.Repository.Name,
            ["uploadId"] = uploadId,
        };
        if (received > 0)
        {
            members["lastValidByteReceived"] = received - 1;
        }

        return new EcrPublicException(EcrErrorTypes.InvalidLayerPart, message, members);
    }

    private static async Task<Data.Entities.UploadSession> FindSessionAsync(UploadService uploads, RepositoryTarget target, string uploadId, CancellationToken cancellationToken)
    {
        try
        {
            return await uploads.GetAsync(target.Name, uploadId, cancellationToken);
        }
        catch (RegistryException e) when (e.Error == OciErrorCode.BlobUploadUnknown)
        {
            throw new EcrPublicException(EcrErrorTypes.UploadNotFound, $"The upload with id '{uploadId}' does not exist in the repository with name '{target.Repository.Name}'");
        }
    }

    private static async Task<bool> IsLinkedAsync(EcrCall call, RepositoryTarget target, Digest digest)
    {
        try
        {
            await call.Service<BlobService>().GetLinkedSizeAsync(target.Name, digest, call.Aborted);
            return true;
        }
        catch (RegistryException e) when (e.Error == OciErrorCode.BlobUnknown)
        {
            return false;
        }
    }
}
