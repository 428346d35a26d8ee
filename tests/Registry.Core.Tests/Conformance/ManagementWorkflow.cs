using static Registry.Core.Tests.Conformance.ConformanceFixtures;

namespace Registry.Core.Tests.Conformance;

/// <summary>04_management_test.go: setup, manifest delete (G1-G4), blob delete (G5-G6). No teardown.</summary>
internal static class ManagementWorkflow
{
    public static async Task RunAsync(ConformanceSuite suite)
    {
        var data = suite.Data;
        var client = suite.Client;
        var name = suite.Name;
        var tagToDelete = "";
        var numTags = 0;
        var blobDeleteAllowed = true;

        // Setup
        await suite.SpecAsync("management setup 1 (upload configs[3])", async s => s.Status(await client.UploadAsync(data.Configs[3]), StatusSet.Success));
        await suite.SpecAsync("management setup 2 (upload layer)", async s => s.Status(await client.UploadAsync(data.Layer), StatusSet.Success));
        await suite.SpecAsync("management setup 3 (PUT manifests[3] as tagtest0)", async s =>
        {
            tagToDelete = TestTagName;
            s.Status(await client.PutManifestAsync(tagToDelete, data.Manifests[3]), StatusSet.Success);
        });
        await suite.SpecAsync("management setup 4 (count tags)", async s =>
        {
            var response = await client.Request(HttpMethod.Get, $"/v2/{name}/tags/list").SendAsync();
            s.Status(response, 200);
            s.True(response.TryUnmarshal<TagList>(out var tagList), "the tags list must be JSON", response);
            numTags = tagList?.Tags?.Count ?? 0;
        });

        // Manifest delete
        await suite.SpecAsync("management G1 (DELETE tag)", async s =>
        {
            var response = await client.DeleteAsync("manifests", tagToDelete);
            s.Status(response, StatusSet.Exactly(400, 202, 405));
            if (response.Status == 400)
            {
                var errors = response.Errors();
                s.True(errors is not null, "a 400 body must be OCI error JSON with a non-empty errors list", response);
                s.Equal("UNSUPPORTED", errors![0].Code ?? "", "errors[0].code", response);
            }
        });
        await suite.SpecAsync("management G2 (DELETE manifests[3] by digest)", async s =>
            s.Status(await client.DeleteAsync("manifests", data.Manifests[3].Digest), StatusSet.Exactly(202, 404)));
        await suite.SpecAsync("management G3 (GET deleted manifest)", async s =>
            s.Status(await client.Request(HttpMethod.Get, $"/v2/{name}/manifests/{data.Manifests[3].Digest}").SendAsync(), StatusSet.Exactly(404, 200)));
        await suite.SpecAsync("management G4 (tags/list reflects the deletion)", async s =>
        {
            var response = await client.Request(HttpMethod.Get, $"/v2/{name}/tags/list").SendAsync();
            s.Status(response, 200);
            s.True(response.TryUnmarshal<TagList>(out var tagList), "the tags list must be JSON", response);
            var count = tagList?.Tags?.Count ?? 0;
            s.True(count < numTags, $"expected fewer than {numTags} tags after the delete, got {count}", response);
        });

        // Blob delete
        await suite.SpecAsync("management G5 (DELETE config and layer blobs)", async s =>
        {
            var accepted = StatusSet.Exactly(202, 404, 405);
            s.Status(await client.DeleteAsync("blobs", data.Configs[3].Digest), accepted);
            var layer = await client.DeleteAsync("blobs", data.Layer.Digest);
            s.Status(layer, accepted);
            if (layer.Status == 405)
            {
                blobDeleteAllowed = false;
            }
        });
        await suite.SpecAsync("management G6 (GET deleted blob)", async s =>
        {
            s.RunOnlyIf(blobDeleteAllowed);
            s.Status(await client.Request(HttpMethod.Get, $"/v2/{name}/blobs/{data.Configs[3].Digest}").SendAsync(), 404);
        });
    }
}
