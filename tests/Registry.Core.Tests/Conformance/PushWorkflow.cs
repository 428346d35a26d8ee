using static Registry.Core.Tests.Conformance.ConformanceFixtures;

namespace Registry.Core.Tests.Conformance;

/// <summary>02_push_test.go: streamed (S1-S2), monolithic (M1-M8), chunked (C1-C6), cross-mount (X1-X6), manifests (U1-U4), teardown.</summary>
internal static class PushWorkflow
{
    private const string Octets = "application/octet-stream";

    public static async Task RunAsync(ConformanceSuite suite)
    {
        var data = suite.Data;
        var client = suite.Client;
        var name = suite.Name;
        var uploads = $"/v2/{name}/blobs/uploads/";
        var state = new PushState();

        // Blob Upload Streamed
        await suite.SpecAsync("push S1 (streamed PATCH without Content-Range)", async s =>
        {
            var post = await client.Request(HttpMethod.Post, uploads).SendAsync();
            s.NotEmpty(post.Header("Location"), "Location", post);
            var patch = await client.Request(HttpMethod.Patch, post.RelativeLocation).ContentType(Octets).Body(data.TestBlobA.Content).SendAsync();
            s.Status(patch, 202);
            state.LastResponse = patch;
        });
        await suite.SpecAsync("push S2 (PUT session URL with digest, no body)", async s =>
        {
            s.True(state.LastResponse is not null, "no response from S1");
            var put = await client.Request(HttpMethod.Put, state.LastResponse!.RelativeLocation)
                .Query("digest", data.TestBlobA.Digest).ContentType(Octets).SendAsync();
            s.Status(put, 201);
            s.NotEmpty(put.Header("Location"), "Location", put);
        });

        // Blob Upload Monolithic
        await suite.SpecAsync("push M1 (GET nonexistent blob)", async s =>
            s.Status(await client.Request(HttpMethod.Get, $"/v2/{name}/blobs/{DummyDigest}").SendAsync(), 404));
        await suite.SpecAsync("push M2 (single POST with digest and blob)", async s =>
        {
            var post = await client.Request(HttpMethod.Post, uploads).ContentType(Octets)
                .Query("digest", data.Configs[1].Digest).Body(data.Configs[1].Content).SendAsync();
            s.NotEmpty(post.Header("Location"), "Location", post);
            s.Status(post, StatusSet.Exactly(201, 202));
            state.LastResponse = post;
        });
        await suite.SpecAsync("push M3 (GET blob after single POST)", async s =>
        {
            s.True(state.LastResponse is not null, "no response from M2");
            var get = await client.Request(HttpMethod.Get, $"/v2/{name}/blobs/{data.Configs[1].Digest}").SendAsync();
            s.Status(get, state.LastResponse!.Status == 202 ? 404 : 200);
        });
        await suite.SpecAsync("push M4 (POST yields a session)", async s =>
        {
            var post = await client.Request(HttpMethod.Post, uploads).SendAsync();
            s.Status(post, 202);
            state.LastResponse = post;
        });
        await suite.SpecAsync("push M5 (PUT monolithic configs[1])", async s =>
        {
            var put = await client.Request(HttpMethod.Put, Earlier(s, state.LastResponse).RelativeLocation).ContentType(Octets)
                .Query("digest", data.Configs[1].Digest).Body(data.Configs[1].Content).SendAsync();
            s.NotEmpty(put.Header("Location"), "Location", put);
            s.Status(put, 201);
        });
        await suite.SpecAsync("push M6 (GET configs[1] blob)", async s =>
            s.Status(await client.Request(HttpMethod.Get, $"/v2/{name}/blobs/{data.Configs[1].Digest}").SendAsync(), 200));
        await suite.SpecAsync("push M7 (POST then PUT the layer)", async s =>
        {
            var post = await client.Request(HttpMethod.Post, uploads).SendAsync();
            var put = await client.Request(HttpMethod.Put, post.RelativeLocation).ContentType(Octets)
                .Query("digest", data.Layer.Digest).Body(data.Layer.Content).SendAsync();
            s.NotEmpty(put.Header("Location"), "Location", put);
            s.Status(put, 201);
        });
        await suite.SpecAsync("push M8 (GET layer blob)", async s =>
            s.Status(await client.Request(HttpMethod.Get, $"/v2/{name}/blobs/{data.Layer.Digest}").SendAsync(), 200));

        // Blob Upload Chunked
        await suite.SpecAsync("push C1 (out-of-order chunk)", async s =>
        {
            var post = await client.Request(HttpMethod.Post, uploads).SendAsync();
            s.NotEmpty(post.Header("Location"), "Location", post);
            var minLength = post.Header("OCI-Chunk-Min-Length");
            if (minLength.Length > 0)
            {
                s.True(int.TryParse(minLength, out var minSize), $"OCI-Chunk-Min-Length \"{minLength}\" is not an integer", post);
                if (minSize > data.TestBlobB.Chunk1.Length)
                {
                    data.SetupChunkedBlob(minSize * 2 - 2);
                }
            }

            var patch = await Chunk(client, post.RelativeLocation, data.TestBlobB.Chunk2, data.TestBlobB.Chunk2Range);
            s.Status(patch, 416);
        });
        await suite.SpecAsync("push C2 (first chunk)", async s =>
        {
            var post = await client.Request(HttpMethod.Post, uploads).SendAsync();
            s.NotEmpty(post.Header("Location"), "Location", post);
            state.PrevResponse = post;
            var patch = await Chunk(client, post.RelativeLocation, data.TestBlobB.Chunk1, data.TestBlobB.Chunk1Range);
            s.Status(patch, 202);
            s.Equal(data.TestBlobB.Chunk1Range, patch.Header("Range"), "Range", patch);
            state.LastResponse = patch;
        });
        await suite.SpecAsync("push C3 (retry first chunk on the POST URL)", async s =>
        {
            var patch = await Chunk(client, Earlier(s, state.PrevResponse).RelativeLocation, data.TestBlobB.Chunk1, data.TestBlobB.Chunk1Range);
            s.Status(patch, 416);
        });
        await suite.SpecAsync("push C4 (GET stale upload session)", async s =>
        {
            var get = await client.Request(HttpMethod.Get, Earlier(s, state.PrevResponse).RelativeLocation).SendAsync();
            s.Status(get, 204);
            s.NotEmpty(get.Header("Location"), "Location", get);
            s.Equal(data.TestBlobB.Chunk1Range, get.Header("Range"), "Range", get);
            state.LastResponse = get;
        });
        await suite.SpecAsync("push C5 (second chunk)", async s =>
        {
            var patch = await Chunk(client, Earlier(s, state.LastResponse).RelativeLocation, data.TestBlobB.Chunk2, data.TestBlobB.Chunk2Range);
            s.Status(patch, 202);
            s.NotEmpty(patch.Header("Location"), "Location", patch);
            state.LastResponse = patch;
        });
        await suite.SpecAsync("push C6 (close with PUT digest)", async s =>
        {
            var put = await client.Request(HttpMethod.Put, Earlier(s, state.LastResponse).RelativeLocation).ContentType(Octets)
                .Query("digest", data.TestBlobB.Blob.Digest).SendAsync();
            s.Status(put, 201);
            s.NotEmpty(put.Header("Location"), "Location", put);
        });

        await CrossMountAsync(suite, state);
        await ManifestUploadAsync(suite, state);
        await TeardownAsync(suite, state.EmptyLayerManifestRef);
    }

    /// <summary>A spec that reads an earlier response the suite never set fails (in Go: a nil dereference).</summary>
    private static ConformanceResponse Earlier(Step step, ConformanceResponse? response) =>
        response ?? throw new SpecFailure($"{step.Name}: no earlier response to take Location from");

    private static Task<ConformanceResponse> Chunk(ConformanceClient client, string location, byte[] chunk, string range) =>
        client.Request(HttpMethod.Patch, location).ContentType(Octets).Header("Content-Range", range).Body(chunk).SendAsync();

    /// <summary>X2 sets lastResponse only when its status passes; otherwise X3/X4 look at C5's response, as in the suite.</summary>
    private static async Task CrossMountAsync(ConformanceSuite suite, PushState state)
    {
        var data = suite.Data;
        var target = suite.CrossmountClient;
        var uploads = $"/v2/{target.Name}/blobs/uploads/";

        await suite.SpecAsync("push X1 (mount unknown digest without from)", async s =>
        {
            var post = await target.Request(HttpMethod.Post, uploads).Query("mount", DummyDigest).SendAsync();
            s.Status(post, 202);
            s.NotEmpty(post.Header("Location"), "Location", post);
        });
        await suite.SpecAsync("push X2 (mount with from)", async s =>
        {
            var mount = await target.Request(HttpMethod.Post, uploads).Query("mount", data.TestBlobA.Digest).Query("from", suite.Name).SendAsync();
            s.Status(mount, StatusSet.Exactly(201, 202));
            state.LastResponse = mount;
        });
        await suite.SpecAsync("push X3 (GET mounted blob)", async s =>
        {
            s.RunOnlyIf(state.LastResponse?.Status == 201);
            s.Equal($"/v2/{target.Name}/blobs/{data.TestBlobA.Digest}", state.LastResponse!.RelativeLocation, "Location path", state.LastResponse);
            s.Status(await target.Request(HttpMethod.Get, state.LastResponse.RelativeLocation).SendAsync(), 200);
        });
        await suite.SpecAsync("push X4 (mount answered with a session)", async s =>
        {
            s.RunOnlyIf(state.LastResponse?.Status == 202);
            s.True(state.LastResponse!.RelativeLocation.StartsWith($"/v2/{target.Name}/blobs/uploads/", StringComparison.Ordinal),
                $"Location \"{state.LastResponse.RelativeLocation}\" must start with /v2/{target.Name}/blobs/uploads/", state.LastResponse);
        });
        foreach (var (step, automatic, expected) in new[] { ("push X5 (automatic mount without from)", true, 201), ("push X6 (no automatic mount without from)", false, 202) })
        {
            await suite.SpecAsync(step, async s =>
            {
                s.RunOnlyIf(suite.Options.AutomaticCrossmount == automatic && state.LastResponse?.Status == 201);
                s.Status(await target.Request(HttpMethod.Post, uploads).Query("mount", data.TestBlobA.Digest).SendAsync(), expected);
            });
        }
    }

    private static async Task ManifestUploadAsync(ConformanceSuite suite, PushState state)
    {
        var data = suite.Data;
        var client = suite.Client;
        await suite.SpecAsync("push U1 (GET nonexistent manifest)", async s =>
            s.Status(await client.Request(HttpMethod.Get, $"/v2/{suite.Name}/manifests/{NonexistentManifest}").SendAsync(), 404));
        await suite.SpecAsync("push U2 (PUT manifests[1] as test0..test3)", async s =>
        {
            for (var i = 0; i < 4; i++)
            {
                var put = await client.PutManifestAsync($"test{i}", data.Manifests[1]);
                s.NotEmpty(put.Header("Location"), "Location", put);
                s.Status(put, 201);
            }
        });
        await suite.SpecAsync("push U3 (PUT manifest with no layers)", async s =>
        {
            var put = await client.PutManifestAsync(EmptyLayerTestTag, data.EmptyLayerManifest);
            if (put.Status == 201)
            {
                state.EmptyLayerManifestRef = put.Header("Location");
                s.NotEmpty(state.EmptyLayerManifestRef, "Location", put);
            }
            else
            {
                s.Warn($"image manifest with no layers is not supported ({put.Request}: {put.Status}: {put.Body})");
            }
        });
        await suite.SpecAsync("push U4 (GET manifests[1] by digest)", async s => s.Status(
            await client.Request(HttpMethod.Get, $"/v2/{suite.Name}/manifests/{data.Manifests[1].Digest}").Header("Accept", ManifestMediaType).SendAsync(), 200));
    }

    private static async Task TeardownAsync(ConformanceSuite suite, string emptyLayerManifestRef)
    {
        var data = suite.Data;
        var client = suite.Client;
        var manifestDelete = StatusSet.SuccessOr(405);
        var blobDelete = StatusSet.SuccessOr(404, 405);
        async Task DeleteManifests() => await suite.SpecAsync("push teardown (DELETE manifests[1] and the empty-layer manifest)", async s =>
        {
            s.Status(await client.DeleteAsync("manifests", data.Manifests[1].Digest), manifestDelete);
            if (emptyLayerManifestRef.Length > 0)
            {
                s.Status(await client.DeleteAsync("manifests", data.EmptyLayerManifest.Digest), manifestDelete);
            }
        });

        if (suite.Options.DeleteManifestBeforeBlobs)
        {
            await DeleteManifests();
        }

        await suite.SpecAsync("push teardown (DELETE configs[1] blob)", async s =>
            s.Status(await client.DeleteAsync("blobs", data.Configs[1].Digest), blobDelete));
        await suite.SpecAsync("push teardown (DELETE layer blob)", async s =>
            s.Status(await client.DeleteAsync("blobs", data.Layer.Digest), blobDelete));
        if (!suite.Options.DeleteManifestBeforeBlobs)
        {
            await DeleteManifests();
        }
    }

    /// <summary>The push workflow's shared variables: lastResponse, prevResponse, emptyLayerManifestRef.</summary>
    private sealed class PushState
    {
        public ConformanceResponse? LastResponse { get; set; }

        public ConformanceResponse? PrevResponse { get; set; }

        public string EmptyLayerManifestRef { get; set; } = "";
    }
}
