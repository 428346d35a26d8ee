using static Registry.Core.Tests.Conformance.ConformanceFixtures;

namespace Registry.Core.Tests.Conformance;

/// <summary>The discovery workflow's teardown: the "refs" list of manifests, configs[2] and the layer, then the references.</summary>
internal static class DiscoveryTeardown
{
    public static async Task RunAsync(ConformanceSuite suite)
    {
        var data = suite.Data;
        var refs = data.Referrers;
        var client = suite.Client;
        var deleteFirst = suite.Options.DeleteManifestBeforeBlobs;
        string[] references =
        [
            refs.Index.Digest, data.Manifests[2].Digest, data.Manifests[4].Digest, refs.AConfig.Digest, refs.ALayer.Digest,
            TestTagName, refs.BConfig.Digest, refs.BLayer.Digest, refs.CLayer.Digest,
        ];
        var referenceDelete = StatusSet.SuccessOr(405, 404);
        async Task DeleteReferences() => await suite.SpecAsync("discovery teardown (DELETE manifests and tags)", async s =>
        {
            foreach (var reference in references)
            {
                s.Status(await client.DeleteAsync("manifests", reference), referenceDelete);
            }
        });

        if (deleteFirst)
        {
            await DeleteReferences();
        }

        // 404 fails here: blobs must not disappear when the manifests that used them are deleted.
        await suite.SpecAsync("discovery teardown (DELETE configs[2] blob)", async s =>
            s.Status(await client.DeleteAsync("blobs", data.Configs[2].Digest), StatusSet.SuccessOr(405)));
        await suite.SpecAsync("discovery teardown (DELETE layer blob)", async s =>
            s.Status(await client.DeleteAsync("blobs", data.Layer.Digest), StatusSet.SuccessOr(405)));

        if (!deleteFirst)
        {
            await DeleteReferences();
        }

        await suite.SpecAsync("discovery teardown (references)", async s =>
        {
            string[] referrers = [refs.Index.Digest, refs.AConfig.Digest, refs.ALayer.Digest, data.Manifests[4].Digest, refs.BConfig.Digest, refs.BLayer.Digest];
            if (deleteFirst)
            {
                foreach (var reference in referrers)
                {
                    s.Status(await client.DeleteAsync("manifests", reference), referenceDelete);
                }
            }

            foreach (var blob in new[] { data.Configs[4], refs.TestRefBlobA, refs.TestRefBlobB, refs.EmptyJson })
            {
                s.Status(await client.DeleteAsync("blobs", blob.Digest), referenceDelete);
            }

            if (!deleteFirst)
            {
                foreach (var reference in referrers)
                {
                    s.Status(await client.DeleteAsync("manifests", reference), referenceDelete);
                }
            }
        });
    }
}
