using static Registry.Core.Tests.Conformance.ConformanceFixtures;

namespace Registry.Core.Tests.Conformance;

/// <summary>01_pull_test.go: setup, pull blobs (P1-P4), pull manifests (P5-P12), error codes (P13), teardown.</summary>
internal static class PullWorkflow
{
    /// <summary>
    /// errorCodes in setup.go, the codes P13 accepts in a 400 body. The Go slice is indexed by constants that start
    /// at 5 (they share an iota with the workflow flags), so it also holds five "" entries: an empty code passes.
    /// </summary>
    private static readonly string[] ErrorCodes =
    [
        "", "", "", "", "",
        "BLOB_UNKNOWN", "BLOB_UPLOAD_INVALID", "BLOB_UPLOAD_UNKNOWN", "DIGEST_INVALID", "MANIFEST_BLOB_UNKNOWN",
        "MANIFEST_INVALID", "MANIFEST_UNKNOWN", "MANIFEST_UNVERIFIED", "NAME_INVALID", "NAME_UNKNOWN", "SIZE_INVALID",
        "TAG_INVALID", "UNAUTHORIZED", "DENIED", "UNSUPPORTED",
    ];

    public static async Task RunAsync(ConformanceSuite suite)
    {
        var data = suite.Data;
        var client = suite.Client;
        var name = suite.Name;
        var tag = "";

        // Setup
        await suite.SpecAsync("pull setup 1 (upload configs[0])", async s => s.Status(await client.UploadAsync(data.Configs[0]), StatusSet.Success));
        await suite.SpecAsync("pull setup 2 (upload configs[1])", async s => s.Status(await client.UploadAsync(data.Configs[1]), StatusSet.Success));
        await suite.SpecAsync("pull setup 3 (upload layer)", async s => s.Status(await client.UploadAsync(data.Layer), StatusSet.Success));
        await suite.SpecAsync("pull setup 4 (PUT manifests[0] as tagtest0)", async s =>
        {
            tag = TestTagName;
            s.Status(await client.PutManifestAsync(tag, data.Manifests[0]), StatusSet.Success);
        });
        await suite.SpecAsync("pull setup 5 (PUT manifests[1] by digest)", async s =>
            s.Status(await client.PutManifestAsync(data.Manifests[1].Digest, data.Manifests[1]), StatusSet.Success));

        // Pull blobs
        await suite.SpecAsync("pull P1 (HEAD nonexistent blob)", async s =>
            s.Status(await client.Request(HttpMethod.Head, $"/v2/{name}/blobs/{DummyDigest}").SendAsync(), 404));
        await suite.SpecAsync("pull P2 (HEAD existing blob)", async s =>
        {
            var response = await client.Request(HttpMethod.Head, $"/v2/{name}/blobs/{data.Configs[0].Digest}").SendAsync();
            s.Status(response, 200);
            CheckDigestHeader(s, response, data.Configs[0].Digest);
        });
        await suite.SpecAsync("pull P3 (GET nonexistent blob)", async s =>
            s.Status(await client.Request(HttpMethod.Get, $"/v2/{name}/blobs/{DummyDigest}").SendAsync(), 404));
        await suite.SpecAsync("pull P4 (GET existing blob)", async s =>
            s.Status(await client.Request(HttpMethod.Get, $"/v2/{name}/blobs/{data.Configs[0].Digest}").SendAsync(), 200));

        // Pull manifests
        await suite.SpecAsync("pull P5 (HEAD nonexistent manifest)", async s =>
            s.Status(await client.Request(HttpMethod.Head, $"/v2/{name}/manifests/{NonexistentManifest}").SendAsync(), 404));
        await suite.SpecAsync("pull P6 (HEAD manifests[0] by digest)", async s =>
        {
            var response = await ManifestRequest(client, HttpMethod.Head, data.Manifests[0].Digest);
            s.Status(response, 200);
            CheckDigestHeader(s, response, data.Manifests[0].Digest);
        });
        await suite.SpecAsync("pull P7 (HEAD manifests[1] by digest)", async s =>
        {
            var response = await ManifestRequest(client, HttpMethod.Head, data.Manifests[1].Digest);
            s.Status(response, 200);
            CheckDigestHeader(s, response, data.Manifests[1].Digest);
        });
        await suite.SpecAsync("pull P8 (HEAD manifest by tag)", async s =>
        {
            s.True(tag.Length > 0, "tag must not be empty");
            var response = await ManifestRequest(client, HttpMethod.Head, tag);
            s.Status(response, 200);
            CheckDigestHeader(s, response, data.Manifests[0].Digest);
        });
        await suite.SpecAsync("pull P9 (GET nonexistent manifest)", async s =>
            s.Status(await client.Request(HttpMethod.Get, $"/v2/{name}/manifests/{NonexistentManifest}").SendAsync(), 404));
        await suite.SpecAsync("pull P10 (GET manifests[0] by digest)", async s =>
            s.Status(await ManifestRequest(client, HttpMethod.Get, data.Manifests[0].Digest), 200));
        await suite.SpecAsync("pull P11 (GET manifests[1] by digest)", async s =>
            s.Status(await ManifestRequest(client, HttpMethod.Get, data.Manifests[1].Digest), 200));
        await suite.SpecAsync("pull P12 (GET manifest by tag)", async s =>
        {
            s.True(tag.Length > 0, "tag must not be empty");
            s.Status(await ManifestRequest(client, HttpMethod.Get, tag), 200);
        });

        // Error codes
        await suite.SpecAsync("pull P13 (GET sha256:totallywrong with a body)", async s =>
        {
            var response = await client.Request(HttpMethod.Get, $"/v2/{name}/manifests/sha256:totallywrong")
                .ContentType(ManifestMediaType)
                .Body("blablabla"u8.ToArray())
                .SendAsync();
            s.Status(response, StatusSet.Exactly(400, 404));
            if (response.Status == 400)
            {
                var errors = response.Errors();
                s.True(errors is not null, "a 400 body must be OCI error JSON with a non-empty errors list", response);
                s.True(ErrorCodes.Contains(errors![0].Code ?? ""), $"errors[0].code \"{errors[0].Code}\" is not an OCI error code", response);
            }
        });

        // Teardown
        var manifestDelete = StatusSet.SuccessOr(405);
        var blobDelete = StatusSet.SuccessOr(404, 405);
        if (suite.Options.DeleteManifestBeforeBlobs)
        {
            await DeleteManifestsAsync(suite, manifestDelete);
        }

        await suite.SpecAsync("pull teardown (DELETE configs[0] blob)", async s =>
            s.Status(await client.DeleteAsync("blobs", data.Configs[0].Digest), blobDelete));
        await suite.SpecAsync("pull teardown (DELETE configs[1] blob)", async s =>
            s.Status(await client.DeleteAsync("blobs", data.Configs[1].Digest), blobDelete));
        await suite.SpecAsync("pull teardown (DELETE layer blob)", async s =>
            s.Status(await client.DeleteAsync("blobs", data.Layer.Digest), blobDelete));
        if (!suite.Options.DeleteManifestBeforeBlobs)
        {
            await DeleteManifestsAsync(suite, manifestDelete);
        }
    }

    private static async Task DeleteManifestsAsync(ConformanceSuite suite, StatusSet accepted)
    {
        await suite.SpecAsync("pull teardown (DELETE manifests[0])", async s =>
            s.Status(await suite.Client.DeleteAsync("manifests", suite.Data.Manifests[0].Digest), accepted));
        await suite.SpecAsync("pull teardown (DELETE manifests[1])", async s =>
            s.Status(await suite.Client.DeleteAsync("manifests", suite.Data.Manifests[1].Digest), accepted));
    }

    private static Task<ConformanceResponse> ManifestRequest(ConformanceClient client, HttpMethod method, string reference) =>
        client.Request(method, $"/v2/{client.Name}/manifests/{reference}").Header("Accept", ManifestMediaType).SendAsync();

    /// <summary>Docker-Content-Digest is optional, but must match when present.</summary>
    private static void CheckDigestHeader(Step step, ConformanceResponse response, string digest)
    {
        var header = response.Header("Docker-Content-Digest");
        if (header.Length > 0)
        {
            step.Equal(digest, header, "Docker-Content-Digest", response);
        }
    }
}
