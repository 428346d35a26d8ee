using System.Text;
using CsCheck;
using Registry.Core.Oci;

namespace Registry.Core.Tests.Oci;

public class ManifestParserTests
{
    private const string Digest1 = "sha256:b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9";
    private const string Digest2 = "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a";

    [Fact]
    public void Image_manifest_exposes_config_layers_subject_and_artifact_type()
    {
        var json = $$$"""
            {"schemaVersion":2,"mediaType":"{{{MediaTypes.OciManifest}}}","artifactType":"application/x.sig",
             "config":{"mediaType":"{{{MediaTypes.OciEmpty}}}","digest":"{{{Digest2}}}","size":2},
             "layers":[{"mediaType":"application/x.layer","digest":"{{{Digest1}}}","size":11,"annotations":{"k":"v"}}],
             "subject":{"mediaType":"{{{MediaTypes.OciManifest}}}","digest":"{{{Digest1}}}","size":100},
             "annotations":{"a":"b"}}
            """;
        var manifest = ManifestParser.Parse(Encoding.UTF8.GetBytes(json), MediaTypes.OciManifest);

        Assert.Equal(MediaTypes.OciManifest, manifest.MediaType);
        Assert.Equal(Digest2, manifest.Config!.Digest.ToString());
        Assert.Equal("v", Assert.Single(manifest.Layers).Annotations!["k"]);
        Assert.Equal(Digest1, manifest.Subject!.Digest.ToString());
        Assert.Equal("application/x.sig", manifest.EffectiveArtifactType);
        Assert.Equal("b", manifest.Annotations!["a"]);
        Assert.Equal(2, manifest.RequiredBlobs.Count());
    }

    [Fact]
    public void Artifact_type_falls_back_to_the_config_media_type_for_images_only()
    {
        var image = ManifestParser.Parse(Encoding.UTF8.GetBytes(
            $$$"""{"schemaVersion":2,"config":{"mediaType":"application/x.cfg","digest":"{{{Digest1}}}","size":1},"layers":[]}"""), MediaTypes.OciManifest);
        Assert.Equal("application/x.cfg", image.EffectiveArtifactType);

        var index = ManifestParser.Parse(Encoding.UTF8.GetBytes("""{"schemaVersion":2,"manifests":[]}"""), MediaTypes.OciIndex);
        Assert.Null(index.EffectiveArtifactType);
    }

    [Fact]
    public void Index_children_carry_their_platforms()
    {
        var json = $$$"""
            {"schemaVersion":2,"mediaType":"{{{MediaTypes.OciIndex}}}","manifests":[
             {"mediaType":"{{{MediaTypes.OciManifest}}}","digest":"{{{Digest1}}}","size":5,"platform":{"os":"linux","architecture":"arm","variant":"v7"}},
             {"mediaType":"{{{MediaTypes.OciManifest}}}","digest":"{{{Digest2}}}","size":5}]}
            """;
        var index = ManifestParser.Parse(Encoding.UTF8.GetBytes(json), "");
        Assert.True(index.IsIndex);
        Assert.Equal(new Platform("linux", "arm", "v7"), index.Manifests[0].Platform);
        Assert.Null(index.Manifests[1].Platform);
        Assert.Empty(index.RequiredBlobs);
    }

    [Fact]
    public void Foreign_layers_are_not_required_in_the_repository()
    {
        var json = $$$"""
            {"schemaVersion":2,"mediaType":"{{{MediaTypes.DockerManifest}}}",
             "config":{"mediaType":"{{{MediaTypes.DockerImageConfig}}}","digest":"{{{Digest1}}}","size":1},
             "layers":[{"mediaType":"{{{MediaTypes.DockerForeignLayer}}}","digest":"{{{Digest2}}}","size":1,"urls":["https://example.com/x"]}]}
            """;
        var manifest = ManifestParser.Parse(Encoding.UTF8.GetBytes(json), MediaTypes.DockerManifest);
        Assert.Equal(Digest1, Assert.Single(manifest.RequiredBlobs).Digest.ToString());
    }

    [Theory]
    [InlineData("not json", "", "not valid JSON")]
    [InlineData("""{"schemaVersion":1}""", "", "schema 1")]
    [InlineData("""{"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v1+prettyjws"}""", "", "schema 1")]
    [InlineData("""{"schemaVersion":3,"manifests":[]}""", MediaTypes.OciIndex, "schemaVersion must be 2")]
    [InlineData("""{"schemaVersion":2,"manifests":{}}""", MediaTypes.OciIndex, "'manifests' array")]
    [InlineData("""{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[]}""", MediaTypes.OciManifest, "does not match")]
    [InlineData("""{"schemaVersion":2}""", "", "not supported")]
    [InlineData("""{"schemaVersion":2,"manifests":[{"digest":"sha256:0","size":1}]}""", MediaTypes.OciIndex, "no mediaType")]
    [InlineData("""{"schemaVersion":2,"manifests":[],"annotations":{"a":1}}""", MediaTypes.OciIndex, "must be a string")]
    [InlineData("""{"schemaVersion":2,"manifests":[{"mediaType":"x","digest":"sha256:b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9","size":1,"platform":{"os":"linux"}}]}""", MediaTypes.OciIndex, "platform")]
    public void Invalid_manifests_say_why(string json, string contentType, string expected)
    {
        var error = Assert.Throws<RegistryException>(() => ManifestParser.Parse(Encoding.UTF8.GetBytes(json), contentType));
        Assert.Equal(OciErrorCode.ManifestInvalid, error.Error);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Arbitrary_bytes_are_either_parsed_or_refused_as_manifest_invalid() =>
        Gen.Byte.Array[0, 300].Sample(bytes =>
        {
            try
            {
                ManifestParser.Parse(bytes, MediaTypes.OciManifest);
            }
            catch (RegistryException e)
            {
                Assert.Equal(OciErrorCode.ManifestInvalid, e.Error);
            }
        });

    [Fact]
    public void Deeply_nested_json_is_refused_not_crashed()
    {
        var json = "{\"schemaVersion\":2,\"x\":" + new string('[', 10_000) + new string(']', 10_000) + "}";
        var error = Assert.Throws<RegistryException>(() => ManifestParser.Parse(Encoding.UTF8.GetBytes(json), MediaTypes.OciManifest));
        Assert.Equal(OciErrorCode.ManifestInvalid, error.Error);
    }
}
