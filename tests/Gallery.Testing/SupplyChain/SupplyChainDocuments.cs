using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gallery.Testing.SupplyChain;

/// <summary>
/// Documents as supply-chain tools publish them: cosign's simple-signing payload and its signature layer annotations
/// (certificate, Rekor bundle), Notary Project JWS envelopes, SPDX 2.3 and CycloneDX 1.5 JSON as syft writes them,
/// in-toto statements (bare, as BuildKit attaches them, and in DSSE envelopes, as <c>cosign attest</c> does), SLSA provenance.
/// </summary>
public static class SupplyChainDocuments
{
    public const string FulcioIssuer = "https://token.actions.githubusercontent.com";

    public static byte[] SimpleSigningPayload(string repository, string digest) => Json(new JsonObject
    {
        ["critical"] = new JsonObject
        {
            ["identity"] = new JsonObject { ["docker-reference"] = repository },
            ["image"] = new JsonObject { ["docker-manifest-digest"] = digest },
            ["type"] = "cosign container image signature",
        },
        ["optional"] = null,
    });

    /// <summary>The layer annotations of a keyless cosign signature: base64 signature, Fulcio certificate (PEM) and Rekor bundle.</summary>
    public static Dictionary<string, string> CosignKeylessAnnotations(string email, long integratedTime) => new()
    {
        ["dev.cosignproject.cosign/signature"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(70)),
        ["dev.sigstore.cosign/certificate"] = FulcioCertificatePem(email),
        ["dev.sigstore.cosign/chain"] = FulcioCertificatePem("intermediate@sigstore.dev"),
        ["dev.sigstore.cosign/bundle"] = JsonSerializer.Serialize(new
        {
            SignedEntryTimestamp = Convert.ToBase64String(RandomNumberGenerator.GetBytes(70)),
            Payload = new { body = Convert.ToBase64String("{}"u8.ToArray()), integratedTime, logIndex = 12345, logID = "c0d23d6ad406973f9559f3ba2d1ca01f84147d8ffc5b8445c224f98b9591801d" },
        }),
    };

    /// <summary>cosign's signature-image config: an empty image whose one diff id is the payload's digest.</summary>
    public static byte[] CosignConfig(byte[] payload) => Json(new JsonObject
    {
        ["architecture"] = "",
        ["created"] = "0001-01-01T00:00:00Z",
        ["history"] = new JsonArray(new JsonObject { ["created"] = "0001-01-01T00:00:00Z" }),
        ["os"] = "",
        ["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = new JsonArray("sha256:" + Convert.ToHexStringLower(SHA256.HashData(payload))) },
        ["config"] = new JsonObject(),
    });

    /// <summary>A certificate as Fulcio issues them: the e-mail as SAN and the OIDC issuer in extension 1.3.6.1.4.1.57264.1.8.</summary>
    public static string FulcioCertificatePem(string email)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("O=sigstore.dev", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddEmailAddress(email);
        request.CertificateExtensions.Add(san.Build(critical: true));
        var issuer = new System.Formats.Asn1.AsnWriter(System.Formats.Asn1.AsnEncodingRules.DER);
        issuer.WriteCharacterString(System.Formats.Asn1.UniversalTagNumber.UTF8String, FulcioIssuer);
        request.CertificateExtensions.Add(new X509Extension("1.3.6.1.4.1.57264.1.8", issuer.Encode(), critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(10));
        return certificate.ExportCertificatePem();
    }

    /// <summary>A Notary Project signature envelope (JWS JSON serialisation) over the target's descriptor, with its certificate chain.</summary>
    public static byte[] NotationJws(string mediaType, string digest, long size, string subjectName, DateTimeOffset signingTime)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subjectName, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var payload = Json(new JsonObject { ["targetArtifact"] = new JsonObject { ["mediaType"] = mediaType, ["digest"] = digest, ["size"] = size } });
        var header = Json(new JsonObject
        {
            ["alg"] = "PS256",
            ["crit"] = new JsonArray("io.cncf.notary.signingScheme"),
            ["cty"] = "application/vnd.cncf.notary.payload.v1+json",
            ["io.cncf.notary.signingScheme"] = "notary.x509",
            ["io.cncf.notary.signingTime"] = signingTime.ToString("yyyy-MM-dd'T'HH:mm:sszzz"),
        });
        return Json(new JsonObject
        {
            ["payload"] = Base64Url(payload),
            ["protected"] = Base64Url(header),
            ["header"] = new JsonObject
            {
                ["x5c"] = new JsonArray(Convert.ToBase64String(certificate.RawData)),
                ["io.cncf.notary.signingAgent"] = "Notation/1.0.0",
            },
            ["signature"] = Base64Url(RandomNumberGenerator.GetBytes(256)),
        });
    }

    /// <summary>An SPDX 2.3 document as syft writes it, with <paramref name="count"/> packages (pkg-0, pkg-1, ...) or the ones given.</summary>
    public static byte[] Spdx(int count, string tool = "syft-0.98.0", IEnumerable<(string Name, string Version, string License)>? packages = null)
    {
        var list = packages?.ToList() ?? Enumerable.Range(0, count).Select(i => ($"pkg-{i}", $"1.{i % 100}.{i % 7}", i % 2 == 0 ? "MIT" : "Apache-2.0")).ToList();
        return Json(SpdxNode(tool, list));
    }

    public static JsonObject SpdxNode(string tool, IReadOnlyList<(string Name, string Version, string License)> packages) => new()
    {
        ["spdxVersion"] = "SPDX-2.3",
        ["dataLicense"] = "CC0-1.0",
        ["SPDXID"] = "SPDXRef-DOCUMENT",
        ["name"] = "test-image",
        ["documentNamespace"] = $"https://anchore.com/syft/image/test-{Guid.NewGuid():N}",
        ["creationInfo"] = new JsonObject
        {
            ["licenseListVersion"] = "3.22",
            ["creators"] = new JsonArray("Organization: Anchore, Inc", $"Tool: {tool}"),
            ["created"] = "2026-11-30T10:00:00Z",
        },
        ["packages"] = new JsonArray(packages.Select((p, i) => (JsonNode)new JsonObject
        {
            ["name"] = p.Name,
            ["SPDXID"] = $"SPDXRef-Package-{i}",
            ["versionInfo"] = p.Version,
            ["downloadLocation"] = "NOASSERTION",
            ["licenseConcluded"] = "NOASSERTION",
            ["licenseDeclared"] = p.License,
            ["externalRefs"] = new JsonArray(new JsonObject
            {
                ["referenceCategory"] = "PACKAGE-MANAGER",
                ["referenceType"] = "purl",
                ["referenceLocator"] = $"pkg:apk/alpine/{p.Name}@{p.Version}?arch=x86_64",
            }),
        }).ToArray()),
    };

    /// <summary>A CycloneDX 1.5 BOM as syft writes it (tools as components), one component nested in another.</summary>
    public static JsonObject CycloneDxNode(params (string Name, string Version, string License)[] components) => new()
    {
        ["bomFormat"] = "CycloneDX",
        ["specVersion"] = "1.5",
        ["serialNumber"] = $"urn:uuid:{Guid.NewGuid()}",
        ["version"] = 1,
        ["metadata"] = new JsonObject
        {
            ["timestamp"] = "2026-11-30T11:00:00Z",
            ["tools"] = new JsonObject { ["components"] = new JsonArray(new JsonObject { ["type"] = "application", ["author"] = "anchore", ["name"] = "syft", ["version"] = "0.98.0" }) },
        },
        ["components"] = new JsonArray(components.Select((c, i) => (JsonNode)new JsonObject
        {
            ["type"] = "library",
            ["name"] = c.Name,
            ["version"] = c.Version,
            ["licenses"] = new JsonArray(new JsonObject { ["license"] = new JsonObject { ["id"] = c.License } }),
            ["purl"] = $"pkg:npm/{c.Name}@{c.Version}",
            ["components"] = i == 0 ? new JsonArray(new JsonObject { ["type"] = "library", ["name"] = c.Name + "-nested", ["version"] = "0.0.1" }) : null,
        }).ToArray()),
    };

    /// <summary>An in-toto statement (v0.1, as BuildKit and cosign write them) about one image.</summary>
    public static byte[] Statement(string predicateType, JsonNode predicate, string subjectName, string subjectDigest) => Json(new JsonObject
    {
        ["_type"] = "https://in-toto.io/Statement/v0.1",
        ["predicateType"] = predicateType,
        ["subject"] = new JsonArray(new JsonObject { ["name"] = subjectName, ["digest"] = new JsonObject { ["sha256"] = subjectDigest["sha256:".Length..] } }),
        ["predicate"] = predicate,
    });

    /// <summary>A DSSE envelope around a statement, as <c>cosign attest</c> pushes it.</summary>
    public static byte[] Dsse(byte[] statement, string keyId = "") => Json(new JsonObject
    {
        ["payloadType"] = "application/vnd.in-toto+json",
        ["payload"] = Convert.ToBase64String(statement),
        ["signatures"] = new JsonArray(new JsonObject { ["keyid"] = keyId, ["sig"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(70)) }),
    });

    /// <summary>SLSA provenance v0.2 as BuildKit writes it (mode=min).</summary>
    public static JsonObject ProvenanceV02() => new()
    {
        ["builder"] = new JsonObject { ["id"] = "https://github.com/docker/buildx@v0.12.0" },
        ["buildType"] = "https://mobyproject.org/buildkit@v1",
        ["metadata"] = new JsonObject { ["buildStartedOn"] = "2026-11-30T09:00:00Z", ["buildFinishedOn"] = "2026-11-30T09:05:00Z" },
    };

    /// <summary>BuildKit's attestation-manifest config: an "unknown/unknown" image.</summary>
    public static byte[] AttestationConfig(IEnumerable<byte[]> layers) => Json(new JsonObject
    {
        ["architecture"] = "unknown",
        ["os"] = "unknown",
        ["config"] = new JsonObject(),
        ["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = new JsonArray(layers.Select(l => (JsonNode)("sha256:" + Convert.ToHexStringLower(SHA256.HashData(l)))).ToArray()) },
    });

    public static byte[] Json(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
