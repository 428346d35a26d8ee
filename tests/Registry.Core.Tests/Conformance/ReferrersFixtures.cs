using System.Text;
using System.Text.Json.Nodes;

namespace Registry.Core.Tests.Conformance;

/// <summary>
/// The referrers fixtures of setup.go: the empty JSON blob, testRefBlobA/B, the A/B "config" and "layer" artifacts
/// and the index artifact (all with subject manifests[4]), and CLayer whose subject manifests[3] is never pushed
/// during discovery. Each referrer but CLayer has one <c>org.opencontainers.conformance.test</c> annotation.
/// </summary>
internal sealed class ReferrersFixtures
{
    public const string EmptyJsonMediaType = "application/vnd.oci.empty.v1+json";
    public const string EmptyJsonDigest = "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a";
    public const string ArtifactTypeA = "application/vnd.nhl.peanut.butter.bagel";
    public const string ArtifactTypeB = "application/vnd.nba.strawberry.jam.croissant";
    public const string ArtifactTypeIndex = "application/vnd.food.stand";
    public const string AnnotationKey = "org.opencontainers.conformance.test";

    private readonly Dictionary<string, string> _annotationValues = [];

    public ReferrersFixtures(ConformanceBlob subject, ConformanceBlob missingSubject)
    {
        const string manifestType = ConformanceFixtures.ManifestMediaType;
        AConfig = Add(GoJson.Manifest(manifestType, null,
            GoJson.Descriptor(ArtifactTypeA, TestRefBlobA.Digest, TestRefBlobA.Length), [EmptyJsonDescriptor()],
            Subject(subject), Annotation("test config a")));
        BConfig = Add(GoJson.Manifest(manifestType, null,
            GoJson.Descriptor(ArtifactTypeB, TestRefBlobB.Digest, TestRefBlobB.Length), [EmptyJsonDescriptor()],
            Subject(subject), Annotation("test config b")));
        ALayer = Add(GoJson.Manifest(manifestType, ArtifactTypeA, EmptyJsonDescriptor(),
            [GoJson.Descriptor(ArtifactTypeA, TestRefBlobA.Digest, TestRefBlobA.Length)],
            Subject(subject), Annotation("test layer a")));
        BLayer = Add(GoJson.Manifest(manifestType, ArtifactTypeB, EmptyJsonDescriptor(),
            [GoJson.Descriptor(ArtifactTypeB, TestRefBlobB.Digest, TestRefBlobB.Length)],
            Subject(subject), Annotation("test layer b")));
        CLayer = Add(GoJson.Manifest(manifestType, ArtifactTypeB, EmptyJsonDescriptor(),
            [GoJson.Descriptor(ArtifactTypeB, TestRefBlobB.Digest, TestRefBlobB.Length)],
            Subject(missingSubject)));
        Index = Add(GoJson.Index(ConformanceFixtures.IndexMediaType, ArtifactTypeIndex,
            [GoJson.Descriptor(manifestType, AConfig.Digest, AConfig.Length), GoJson.Descriptor(manifestType, ALayer.Digest, ALayer.Length)],
            Subject(subject), Annotation("test index")));
    }

    public ConformanceBlob EmptyJson { get; } = new("{}"u8.ToArray());

    public ConformanceBlob TestRefBlobA { get; } = new(Encoding.UTF8.GetBytes("NHL Peanut Butter on my NHL bagel"));

    public ConformanceBlob TestRefBlobB { get; } = new(Encoding.UTF8.GetBytes("NBA Strawberry Jam on my NBA croissant"));

    public ConformanceBlob AConfig { get; }

    public ConformanceBlob ALayer { get; }

    public ConformanceBlob BConfig { get; }

    public ConformanceBlob BLayer { get; }

    public ConformanceBlob CLayer { get; }

    public ConformanceBlob Index { get; }

    /// <summary>testAnnotationValues: the annotation each referrer carries, by digest ("" for unknown digests, as a Go map reads).</summary>
    public string AnnotationValue(string digest) => _annotationValues.GetValueOrDefault(digest, "");

    private JsonObject EmptyJsonDescriptor() => GoJson.Descriptor(EmptyJsonMediaType, EmptyJson.Digest, EmptyJson.Length);

    private static JsonObject Subject(ConformanceBlob manifest) =>
        GoJson.Descriptor(ConformanceFixtures.ManifestMediaType, manifest.Digest, manifest.Length);

    private static Dictionary<string, string> Annotation(string value) => new() { [AnnotationKey] = value };

    private ConformanceBlob Add(JsonObject document)
    {
        var blob = new ConformanceBlob(GoJson.MarshalIndent(document));
        if (document["annotations"] is JsonObject annotations)
        {
            _annotationValues[blob.Digest] = annotations[AnnotationKey]!.GetValue<string>();
        }

        return blob;
    }
}
