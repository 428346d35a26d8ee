using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Storage.S3;

namespace Registry.Core.Storage;

internal static class BlobStoreRegistration
{
    /// <summary>The one blob store <c>Gallery:Storage:Provider</c> names.</summary>
    public static IServiceCollection AddBlobStore(this IServiceCollection services, StorageOptions options) =>
        options.Provider switch
        {
            StorageProvider.S3 => services.AddSingleton<IBlobStore, S3BlobStore>(),
            _ => services.AddSingleton<IBlobStore, FileSystemBlobStore>(),
        };
}
