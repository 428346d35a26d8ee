namespace Gallery.Indexer.Artifacts;

/// <summary>BuildKit lists its attestation manifests in an index as platform unknown/unknown: they are not platforms anyone pulls.</summary>
public static class AttestationPlatform
{
    public static bool Is(string os, string architecture) => os == "unknown" && architecture == "unknown";
}
