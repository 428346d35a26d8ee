using System.Text.Json;

namespace Registry.Core.Oci;

/// <summary>
/// Parses and validates the four manifest kinds the registry stores (OCI manifest and index, Docker schema 2
/// manifest and manifest list). Anything else is refused with MANIFEST_INVALID and a message saying why.
/// </summary>
public static class ManifestParser
{
    private const int MaxDepth = 64;

    /// <param name="content">The manifest bytes exactly as pushed.</param>
    /// <param name="contentType">The request's Content-Type; may be empty, then the body's mediaType decides.</param>
    public static ParsedManifest Parse(ReadOnlySpan<byte> content, string? contentType)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content.ToArray(), new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException e)
        {
            throw Invalid($"manifest is not valid JSON: {e.Message}");
        }

        if (!JsonText.IsValid(content, MaxDepth))
        {
            document.Dispose();
            throw Invalid("manifest has a string that is not Unicode text (bytes that are not UTF-8, or an escaped lone surrogate)");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Invalid("manifest must be a JSON object");
            }

            var mediaType = ResolveMediaType(root, MediaTypes.Essence(contentType));
            var schemaVersion = root.TryGetProperty("schemaVersion", out var sv) && sv.ValueKind == JsonValueKind.Number && sv.TryGetInt32(out var v) ? v : (int?)null;
            if (schemaVersion != 2)
            {
                throw Invalid("manifest schemaVersion must be 2");
            }

            var artifactType = OptionalString(root, "artifactType");
            if (artifactType is not null && !MediaTypes.IsWellFormed(artifactType))
            {
                throw Invalid($"artifactType '{DisplayText.Shorten(artifactType)}' is not a media type (type/subtype, each 1 to 127 characters, RFC 6838)");
            }

            var subject = root.TryGetProperty("subject", out var s) && s.ValueKind != JsonValueKind.Null ? ReadDescriptor(s, "subject") : null;
            var annotations = ReadAnnotations(root, "manifest");

            if (MediaTypes.IsIndex(mediaType))
            {
                if (!root.TryGetProperty("manifests", out var manifests) || manifests.ValueKind != JsonValueKind.Array)
                {
                    throw Invalid("an index must have a 'manifests' array");
                }

                var children = manifests.EnumerateArray().Select((m, i) => ReadDescriptor(m, $"manifests[{i}]")).ToList();
                return new ParsedManifest(mediaType, null, [], children, subject, artifactType, annotations);
            }

            if (!root.TryGetProperty("config", out var config) || config.ValueKind != JsonValueKind.Object)
            {
                throw Invalid("an image manifest must have a 'config' descriptor");
            }

            if (!root.TryGetProperty("layers", out var layers) || layers.ValueKind != JsonValueKind.Array)
            {
                throw Invalid("an image manifest must have a 'layers' array");
            }

            var configDescriptor = ReadDescriptor(config, "config");
            if (!MediaTypes.IsWellFormed(configDescriptor.MediaType))
            {
                // It stands for the artifact type when the manifest declares none.
                throw Invalid($"config mediaType '{DisplayText.Shorten(configDescriptor.MediaType)}' is not a media type (type/subtype, each 1 to 127 characters, RFC 6838)");
            }

            var layerDescriptors = layers.EnumerateArray().Select((l, i) => ReadDescriptor(l, $"layers[{i}]")).ToList();
            if (mediaType == MediaTypes.DockerManifest && artifactType is not null)
            {
                throw Invalid("a Docker schema 2 manifest cannot carry an artifactType");
            }

            return new ParsedManifest(mediaType, configDescriptor, layerDescriptors, [], subject, artifactType, annotations);
        }
    }

    private static string ResolveMediaType(JsonElement root, string contentType)
    {
        var declared = OptionalString(root, "mediaType");
        if (IsSchema1(root, declared, contentType))
        {
            throw new RegistryException(OciErrorCode.ManifestInvalid,
                "Docker image manifest schema 1 is deprecated and not accepted; push with a current client (schema 2 or OCI)");
        }

        var headerIsManifestType = MediaTypes.IsSupportedManifest(contentType);
        if (declared is not null && headerIsManifestType && declared != contentType)
        {
            throw Invalid($"the manifest's mediaType '{declared}' does not match its Content-Type '{contentType}'");
        }

        var mediaType = headerIsManifestType ? contentType : declared ?? Infer(root, contentType);
        if (!MediaTypes.IsSupportedManifest(mediaType))
        {
            throw Invalid($"manifest media type '{mediaType}' is not supported; use an OCI image manifest or index, or a Docker schema 2 manifest or manifest list");
        }

        return mediaType;
    }

    private static bool IsSchema1(JsonElement root, string? declared, string contentType) =>
        MediaTypes.IsSchema1(contentType) || (declared is not null && MediaTypes.IsSchema1(declared))
        || (root.TryGetProperty("schemaVersion", out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) && n == 1);

    /// <summary>OCI manifests may omit mediaType; then the shape tells.</summary>
    private static string Infer(JsonElement root, string contentType)
    {
        if (root.TryGetProperty("manifests", out _))
        {
            return MediaTypes.OciIndex;
        }

        if (root.TryGetProperty("config", out _) && root.TryGetProperty("layers", out _))
        {
            return MediaTypes.OciManifest;
        }

        return contentType.Length > 0 ? contentType : "(none)";
    }

    private static Descriptor ReadDescriptor(JsonElement element, string where)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Invalid($"{where} must be a descriptor object");
        }

        var mediaType = OptionalString(element, "mediaType") ?? throw Invalid($"{where} has no mediaType");
        var digestText = OptionalString(element, "digest");
        if (!Digest.TryParse(digestText, out var digest, out var digestError))
        {
            throw Invalid($"{where}.digest is invalid: {digestError}");
        }

        if (!element.TryGetProperty("size", out var sizeElement) || sizeElement.ValueKind != JsonValueKind.Number
            || !sizeElement.TryGetInt64(out var size) || size < 0)
        {
            throw Invalid($"{where}.size must be a non-negative integer");
        }

        return new Descriptor(mediaType, digest, size, OptionalString(element, "artifactType"), ReadPlatform(element, where), ReadAnnotations(element, where));
    }

    private static Platform? ReadPlatform(JsonElement element, string where)
    {
        if (!element.TryGetProperty("platform", out var platform) || platform.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var os = platform.ValueKind == JsonValueKind.Object ? OptionalString(platform, "os") : null;
        var architecture = platform.ValueKind == JsonValueKind.Object ? OptionalString(platform, "architecture") : null;
        if (os is null || architecture is null)
        {
            throw Invalid($"{where}.platform must name an os and an architecture");
        }

        return new Platform(os, architecture, OptionalString(platform, "variant"), OptionalString(platform, "os.version"));
    }

    private static Dictionary<string, string>? ReadAnnotations(JsonElement element, string where)
    {
        if (!element.TryGetProperty("annotations", out var annotations) || annotations.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (annotations.ValueKind != JsonValueKind.Object)
        {
            throw Invalid($"{where}.annotations must be an object of strings");
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in annotations.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String)
            {
                throw Invalid($"{where}.annotations['{property.Name}'] must be a string");
            }

            result[property.Name] = property.Value.GetString()!;
        }

        return result;
    }

    private static string? OptionalString(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw Invalid($"'{name}' must be a string");
    }

    private static RegistryException Invalid(string message) => new(OciErrorCode.ManifestInvalid, message);
}
