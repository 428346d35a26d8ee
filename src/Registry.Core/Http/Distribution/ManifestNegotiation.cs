using Microsoft.Extensions.Primitives;
using Registry.Core.Oci;

namespace Registry.Core.Http.Distribution;

/// <summary>
/// Content negotiation for manifests fetched by tag: a client that lists the media types it understands is not sent
/// another kind (an index to a client that only reads image manifests). No Accept, or a wildcard, accepts anything.
/// </summary>
internal static class ManifestNegotiation
{
    public static bool Accepts(StringValues acceptHeaders, string mediaType)
    {
        var any = false;
        foreach (var header in acceptHeaders)
        {
            foreach (var part in (header ?? "").Split(','))
            {
                var type = MediaTypes.Essence(part);
                if (type.Length == 0)
                {
                    continue;
                }

                any = true;
                if (type is "*/*" or "application/*" || type == mediaType)
                {
                    return true;
                }
            }
        }

        return !any;
    }
}
