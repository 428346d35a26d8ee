using System.Text.Json;
using Registry.Core.Data;
using Registry.Core.Data.Entities;

namespace Registry.Core.Attachments.Reading;

/// <summary>Reads an SPDX 2.x JSON or CycloneDX JSON document: format, generator, creation time and packages.</summary>
public static class SbomDocument
{
    /// <summary>Packages kept per SBOM; the rest of a larger one is left out.</summary>
    public const int MaxPackages = 100_000;

    public static AttachmentFacts Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new UnreadableAttachmentException("the SBOM is not a JSON object");
        }

        if (Json.String(root, "spdxVersion") is { } spdxVersion && spdxVersion.StartsWith("SPDX-2.", StringComparison.Ordinal))
        {
            return ReadSpdx(root, spdxVersion);
        }

        if (Json.String(root, "bomFormat") == "CycloneDX")
        {
            return ReadCycloneDx(root);
        }

        throw new UnreadableAttachmentException("the document is neither SPDX 2.x JSON (spdxVersion \"SPDX-2.x\") nor CycloneDX JSON (bomFormat \"CycloneDX\")");
    }

    private static AttachmentFacts ReadSpdx(JsonElement root, string spdxVersion)
    {
        var creation = Json.Object(root, "creationInfo");
        var tool = creation is { } c
            ? Json.Array(c, "creators").Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)
                .FirstOrDefault(s => s.StartsWith("Tool:", StringComparison.Ordinal))?[5..]
            : null;
        var packages = new List<PackageFacts>();
        foreach (var package in Json.Array(root, "packages").Take(MaxPackages))
        {
            if (Clean(Json.String(package, "name"), DataLimits.PackageName) is not { } name)
            {
                continue;
            }

            var license = Known(Json.String(package, "licenseDeclared")) ?? Known(Json.String(package, "licenseConcluded"));
            var purl = Json.Array(package, "externalRefs").Where(r => Json.String(r, "referenceType") == "purl")
                .Select(r => Json.String(r, "referenceLocator")).FirstOrDefault(s => s is not null);
            packages.Add(new PackageFacts(name, Clean(Json.String(package, "versionInfo"), DataLimits.PackageVersion),
                Clean(license, DataLimits.AttachmentText), Clean(purl, DataLimits.Purl)));
        }

        return new AttachmentFacts(AttachmentKind.Sbom, Clean(spdxVersion, 64), Generator: Clean(tool, DataLimits.AttachmentText),
            Created: creation is { } ci ? Json.Time(Json.String(ci, "created")) : null, Packages: packages);
    }

    private static AttachmentFacts ReadCycloneDx(JsonElement root)
    {
        var metadata = Json.Object(root, "metadata");
        var packages = new List<PackageFacts>();
        AddComponents(root, packages);
        var format = Json.String(root, "specVersion") is { } version ? $"CycloneDX {version}" : "CycloneDX";
        return new AttachmentFacts(AttachmentKind.Sbom, Clean(format, 64), Generator: metadata is { } m ? Clean(Tool(m), DataLimits.AttachmentText) : null,
            Created: metadata is { } md ? Json.Time(Json.String(md, "timestamp")) : null, Packages: packages);
    }

    /// <summary>Components and their nested components, depth first (the depth is bounded by the parser's).</summary>
    private static void AddComponents(JsonElement parent, List<PackageFacts> packages)
    {
        foreach (var component in Json.Array(parent, "components"))
        {
            if (packages.Count >= MaxPackages)
            {
                return;
            }

            if (Clean(Json.String(component, "name"), DataLimits.PackageName) is { } name)
            {
                packages.Add(new PackageFacts(name, Clean(Json.String(component, "version"), DataLimits.PackageVersion),
                    Clean(License(component), DataLimits.AttachmentText), Clean(Json.String(component, "purl"), DataLimits.Purl)));
            }

            AddComponents(component, packages);
        }
    }

    /// <summary>CycloneDX 1.4 lists tools as an array of {vendor, name, version}; 1.5 as {components: [...]}.</summary>
    private static string? Tool(JsonElement metadata)
    {
        if (!metadata.TryGetProperty("tools", out var tools))
        {
            return null;
        }

        var first = tools.ValueKind switch
        {
            JsonValueKind.Array => tools.EnumerateArray().FirstOrDefault(),
            JsonValueKind.Object => Json.Array(tools, "components").FirstOrDefault(),
            _ => default,
        };
        return Json.String(first, "name") is { } name ? $"{name} {Json.String(first, "version")}".Trim() : null;
    }

    private static string? License(JsonElement component)
    {
        var names = Json.Array(component, "licenses")
            .Select(l => Json.String(l, "expression") ?? (Json.Object(l, "license") is { } license ? Json.String(license, "id") ?? Json.String(license, "name") : null))
            .OfType<string>().Take(8).ToList();
        return names.Count == 0 ? null : string.Join(" OR ", names);
    }

    private static string? Known(string? license) => license is null or "NOASSERTION" or "NONE" ? null : license;

    private static string? Clean(string? value, int maxLength) => AttachmentText.Clean(value, maxLength);
}
