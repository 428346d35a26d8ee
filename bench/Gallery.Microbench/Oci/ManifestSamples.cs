namespace Gallery.Microbench.Oci;

/// <summary>Manifests as buildx pushes them (indented JSON with annotations); digests are fixed, sizes realistic.</summary>
public static class ManifestSamples
{
    public const string ImageManifest = """
        {
           "schemaVersion": 2,
           "mediaType": "application/vnd.oci.image.manifest.v1+json",
           "config": {
              "mediaType": "application/vnd.oci.image.config.v1+json",
              "digest": "sha256:b79606fb3afea5bd1609ed40b622142f1c98125abcfe89a76a661b0e8e343910",
              "size": 7023
           },
           "layers": [
              {
                 "mediaType": "application/vnd.oci.image.layer.v1.tar+gzip",
                 "digest": "sha256:4fbec69b941195fd56f8212a5000e304129451d82efca94ff0e0fb2d5355472e",
                 "size": 29126484
              },
              {
                 "mediaType": "application/vnd.oci.image.layer.v1.tar+gzip",
                 "digest": "sha256:77ea7eee3d80b1a38f83906dd3048e2689457eb90e18a7d12f839c5ae37106a2",
                 "size": 41420167
              },
              {
                 "mediaType": "application/vnd.oci.image.layer.v1.tar+gzip",
                 "digest": "sha256:95cf1a2e1698fe3ca1fcc3f653119146b271d0b62e487ec264441e886a11bd06",
                 "size": 1834
              }
           ],
           "annotations": {
              "org.opencontainers.image.created": "2026-11-20T09:14:02Z",
              "org.opencontainers.image.source": "https://github.com/example/web-api",
              "org.opencontainers.image.revision": "9f3c2a1b7e4d5c6f8a0b1c2d3e4f5a6b7c8d9e0f",
              "org.opencontainers.image.base.name": "docker.io/library/debian:bookworm-slim"
           }
        }
        """;

    public const string ImageIndex = """
        {
           "schemaVersion": 2,
           "mediaType": "application/vnd.oci.image.index.v1+json",
           "manifests": [
              {
                 "mediaType": "application/vnd.oci.image.manifest.v1+json",
                 "digest": "sha256:e4223ed20d7ea5740a326e2b268ca6db91d041cf5194f577e393a8ba3b85d8e9",
                 "size": 1610,
                 "platform": {
                    "architecture": "amd64",
                    "os": "linux"
                 }
              },
              {
                 "mediaType": "application/vnd.oci.image.manifest.v1+json",
                 "digest": "sha256:ca0df2c95aa144c1d0ff2ff3c8f967fdc1de9ef0c4120b3726416701b519d619",
                 "size": 1613,
                 "platform": {
                    "architecture": "arm64",
                    "os": "linux",
                    "variant": "v8"
                 }
              },
              {
                 "mediaType": "application/vnd.oci.image.manifest.v1+json",
                 "digest": "sha256:29c1b289e7522195b362e44f54e05470b69ad20540ab60a18a05e5bf6951f13d",
                 "size": 1616,
                 "platform": {
                    "architecture": "arm",
                    "os": "linux",
                    "variant": "v7"
                 }
              },
              {
                 "mediaType": "application/vnd.oci.image.manifest.v1+json",
                 "digest": "sha256:153812ae5fea0b73a011bf28bd7cea93644437c3fe3260b7b2d7e1e2f9f46bde",
                 "size": 1619,
                 "platform": {
                    "architecture": "arm",
                    "os": "linux",
                    "variant": "v6"
                 }
              },
              {
                 "mediaType": "application/vnd.oci.image.manifest.v1+json",
                 "digest": "sha256:2396a1256ac4b1c6849c931ddb8018bdd984bb2383be21bb819a33b95d8d603f",
                 "size": 1622,
                 "platform": {
                    "architecture": "386",
                    "os": "linux"
                 }
              },
              {
                 "mediaType": "application/vnd.oci.image.manifest.v1+json",
                 "digest": "sha256:b5f2031eb62e37c6d38287b38f83afeaed2665f0424eb3c29c1a38a596a13d57",
                 "size": 1625,
                 "platform": {
                    "architecture": "ppc64le",
                    "os": "linux"
                 }
              }
           ],
           "annotations": {
              "org.opencontainers.image.created": "2026-11-20T09:14:02Z"
           }
        }
        """;
}
