using static Registry.Core.Tests.Conformance.ConformanceFixtures;

namespace Registry.Core.Tests.Conformance;

/// <summary>03_discovery_test.go: setup with the referrers fixtures, tag listing (D1-D3), referrers (D4-D7), teardown.</summary>
internal static class DiscoveryWorkflow
{
    public static async Task RunAsync(ConformanceSuite suite)
    {
        var data = suite.Data;
        var refs = data.Referrers;
        var client = suite.Client;
        var name = suite.Name;
        var numTags = 4;
        var tagList = new List<string>();

        // Setup
        await suite.SpecAsync("discovery setup 1 (upload configs[2])", async s => s.Status(await client.UploadAsync(data.Configs[2]), StatusSet.Success));
        await suite.SpecAsync("discovery setup 2 (upload layer)", async s => s.Status(await client.UploadAsync(data.Layer), StatusSet.Success));
        await suite.SpecAsync("discovery setup 3 (PUT manifests[2] as test0..test3)", async s =>
        {
            for (var i = 0; i < numTags; i++)
            {
                tagList.Add($"test{i}");
                s.Status(await client.PutManifestAsync($"test{i}", data.Manifests[2]), StatusSet.Success);
            }

            tagList = (await client.Request(HttpMethod.Get, $"/v2/{name}/tags/list").SendAsync()).Tags();
        });
        await suite.SpecAsync("discovery setup 4 (references)", async s =>
        {
            s.Equal(ReferrersFixtures.EmptyJsonDigest, refs.EmptyJson.Digest, "empty JSON blob digest");
            s.Part("upload empty JSON blob").Status(await client.UploadAsync(refs.EmptyJson), StatusSet.Success);
            s.Part("upload testRefBlobA").Status(await client.UploadAsync(refs.TestRefBlobA), StatusSet.Success);
            await PutReferrer(s.Part("PUT AConfig"), client, refs.AConfig, ManifestMediaType, data.Manifests[4].Digest);
            await PutReferrer(s.Part("PUT ALayer"), client, refs.ALayer, ManifestMediaType, data.Manifests[4].Digest);
            await PutReferrer(s.Part("PUT index"), client, refs.Index, IndexMediaType, data.Manifests[4].Digest);
            s.Part("upload configs[4]").Status(await client.UploadAsync(data.Configs[4]), StatusSet.Success);
            s.Part("upload layer").Status(await client.UploadAsync(data.Layer), StatusSet.Success);
            s.Part("PUT manifests[4] as tagtest0").Status(await client.PutManifestAsync(TestTagName, data.Manifests[4]), StatusSet.Success);
            s.Part("upload testRefBlobB").Status(await client.UploadAsync(refs.TestRefBlobB), StatusSet.Success);
            await PutReferrer(s.Part("PUT BConfig"), client, refs.BConfig, ManifestMediaType, data.Manifests[4].Digest);
            await PutReferrer(s.Part("PUT BLayer"), client, refs.BLayer, ManifestMediaType, data.Manifests[4].Digest);
            await PutReferrer(s.Part("PUT CLayer"), client, refs.CLayer, ManifestMediaType, data.Manifests[3].Digest);
        });

        // Tag listing
        await suite.SpecAsync("discovery D1 (GET tags/list)", async s =>
        {
            var response = await client.Request(HttpMethod.Get, $"/v2/{name}/tags/list").SendAsync();
            s.Status(response, 200);
            tagList = response.Tags();
            numTags = tagList.Count;
        });
        await suite.SpecAsync("discovery D2 (tags/list limited by n)", async s =>
        {
            var numResults = numTags / 2;
            var response = await client.Request(HttpMethod.Get, $"/v2/{name}/tags/list").Query("n", $"{numResults}").SendAsync();
            s.Status(response, 200);
            tagList = response.Tags();
            s.Equal(numResults, tagList.Count, $"number of tags with n={numResults} (numTags {numTags})", response);
        });
        await suite.SpecAsync("discovery D3 (tags/list from last)", async s =>
        {
            var numResults = numTags / 2;
            var first = await client.Request(HttpMethod.Get, $"/v2/{name}/tags/list").Query("n", $"{numResults}").SendAsync();
            tagList = first.Tags();
            s.True(numResults >= 1 && numResults <= tagList.Count, $"index out of range: tagList[{numResults - 1}] of {tagList.Count} tags", first);
            var last = tagList[numResults - 1];
            var response = await client.Request(HttpMethod.Get, $"/v2/{name}/tags/list").Query("n", $"{numResults}").Query("last", last).SendAsync();
            s.Status(response, 200);
            s.True(tagList.Count <= numResults, $"{tagList.Count} tags on the first page, more than n={numResults}", first);
        });

        // Referrers listing
        await suite.SpecAsync("discovery D4 (referrers of an unknown subject)", async s =>
        {
            var index = await Referrers(s, client, DummyDigest);
            s.Equal(0, index.Manifests?.Count ?? 0, "number of referrers");
        });
        await suite.SpecAsync("discovery D5 (referrers of manifests[4])", async s =>
        {
            var index = await Referrers(s, client, data.Manifests[4].Digest);
            var manifests = index.Manifests ?? [];
            s.Equal(5, manifests.Count, "number of referrers");
            s.True(manifests[0].Digest != manifests[1].Digest, "manifests[0].digest must differ from manifests[1].digest");
            CheckAnnotations(s, refs, manifests);
        });
        await suite.SpecAsync("discovery D6 (referrers filtered by artifactType)", async s =>
        {
            var response = await client.Request(HttpMethod.Get, $"/v2/{name}/referrers/{data.Manifests[4].Digest}")
                .Query("artifactType", ReferrersFixtures.ArtifactTypeA).SendAsync();
            var manifests = ParseReferrers(s, response).Manifests ?? [];
            var filters = response.Header("OCI-Filters-Applied");
            if (filters.Length > 0)
            {
                s.Equal(2, manifests.Count, "number of referrers with OCI-Filters-Applied", response);
                s.Equal(ArtifactTypeFilter, filters, "OCI-Filters-Applied", response);
            }
            else
            {
                s.Equal(5, manifests.Count, "number of referrers without OCI-Filters-Applied", response);
            }

            CheckAnnotations(s, refs, manifests);
            if (filters.Length == 0)
            {
                s.Warn("filtering by artifact-type is not implemented");
            }
        });
        await suite.SpecAsync("discovery D7 (referrers of a subject never pushed)", async s =>
        {
            var manifests = (await Referrers(s, client, data.Manifests[3].Digest)).Manifests ?? [];
            s.Equal(1, manifests.Count, "number of referrers");
            s.Equal(refs.CLayer.Digest, manifests[0].Digest ?? "", "manifests[0].digest");
        });

        await DiscoveryTeardown.RunAsync(suite);
    }

    private static async Task PutReferrer(Step step, ConformanceClient client, ConformanceBlob manifest, string mediaType, string subject)
    {
        var response = await client.PutManifestAsync(manifest.Digest, manifest, mediaType);
        step.Status(response, StatusSet.Success);
        step.Equal(subject, response.Header("OCI-Subject"), "OCI-Subject", response);
    }

    private static async Task<ReferrersIndex> Referrers(Step step, ConformanceClient client, string digest) =>
        ParseReferrers(step, await client.Request(HttpMethod.Get, $"/v2/{client.Name}/referrers/{digest}").SendAsync());

    private static ReferrersIndex ParseReferrers(Step step, ConformanceResponse response)
    {
        step.Status(response, 200);
        step.Equal(IndexMediaType, response.Header("Content-Type"), "Content-Type", response);
        step.True(response.TryUnmarshal<ReferrersIndex>(out var index), "the body must unmarshal as an image index", response);
        return index ?? new ReferrersIndex(0, null, null);
    }

    private static void CheckAnnotations(Step step, ReferrersFixtures refs, List<ReferrerDescriptor> manifests)
    {
        foreach (var descriptor in manifests)
        {
            var annotations = descriptor.Annotations ?? [];
            step.Equal(1, annotations.Count, $"number of annotations of {descriptor.Digest}");
            step.Equal(refs.AnnotationValue(descriptor.Digest ?? ""), annotations.GetValueOrDefault(ReferrersFixtures.AnnotationKey, ""),
                $"annotation {ReferrersFixtures.AnnotationKey} of {descriptor.Digest}");
        }
    }
}
