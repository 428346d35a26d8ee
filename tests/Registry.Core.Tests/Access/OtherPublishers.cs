using Gallery.Testing;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Access;

namespace Registry.Core.Tests.Access;

/// <summary>A publisher of a test's own beside the bootstrap one: account, registry and one access key.</summary>
internal static class OtherPublishers
{
    public sealed record Created(Caller Caller, string AccessKeyId, string SecretAccessKey)
    {
        /// <summary><c>id:secret</c>, as Basic credentials at /token.</summary>
        public string Credentials => $"{AccessKeyId}:{SecretAccessKey}";
    }

    /// <param name="alias">A custom alias, or null for a random default one.</param>
    /// <param name="createOnPush">Whether pushes create repositories.</param>
    public static async Task<Created> CreateAsync(RegistryHost host, string userName, string? alias = null, string? displayName = null, bool createOnPush = false)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var publishers = scope.ServiceProvider.GetRequiredService<PublisherService>();
        var caller = await publishers.CreateAsync(new PublisherService.NewPublisher(userName, null, null, alias, displayName), CancellationToken.None);
        if (createOnPush)
        {
            await scope.ServiceProvider.GetRequiredService<RegistrySettingsService>().SetCreateOnPushAsync(caller.AccountId, true, CancellationToken.None);
        }

        var key = await scope.ServiceProvider.GetRequiredService<AccessKeyService>().CreateAsync(caller.AccountId, null, CancellationToken.None);
        return new Created(caller, key.AccessKeyId, key.SecretAccessKey);
    }
}
