using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Access.KeyRing;
using Registry.Core.Access.Tokens;
using Registry.Core.Data;
using Registry.Core.Data.Entities;
using Registry.Core.Settings;

namespace Registry.Core.Access;

public static class AccessServiceCollectionExtensions
{
    /// <summary>Accounts (Identity on the registry database), encryption keys, access keys, tokens, access decisions and the configuration bootstrap.</summary>
    public static IServiceCollection AddRegistryAccess(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCheckedOptions<AccessOptions>(configuration, "Gallery:Access", AccessOptions.Check);
        services.Configure<BootstrapOptions>(configuration.GetSection("Gallery:Bootstrap"));
        services.Configure<AdministratorOptions>(configuration.GetSection("Gallery:Administrator"));

        // The key ring lives in the database, encrypted with a key that does not (KeyRing/): a database copy alone reveals no secret.
        services.AddCheckedOptions<KeyRingOptions>(configuration, KeyRingOptions.SectionName, KeyRingOptions.Check);
        services.AddSingleton<KeyRingKey>();
        services.AddDataProtection().SetApplicationName("Gallery").PersistKeysToDbContext<RegistryDbContext>();
        services.AddOptions<KeyManagementOptions>().Configure<KeyRingKey>((o, key) => o.XmlEncryptor = new KeyFileXmlEncryptor(key));
        services.AddHostedService<KeyRingProtection>();
        services.AddIdentityCore<Account>(identity =>
            {
                identity.User.RequireUniqueEmail = false;
                // Length over composition (NIST SP 800-63B): the forms say "at least 10 characters", and that is the rule.
                identity.Password.RequiredLength = 10;
                identity.Password.RequiredUniqueChars = 5;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Password.RequireDigit = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireLowercase = false;
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<RegistryDbContext>();

        services.AddSingleton<TokenSigningKeys>();
        services.AddSingleton<DefaultAliases>();
        services.AddSingleton<RegistryTokenService>();
        services.AddScoped<AccessKeyService>();
        services.AddScoped<PublisherService>();
        services.AddScoped<RegistrySettingsService>();
        services.AddScoped<AdministrationService>();
        services.AddScoped<CredentialVerifier>();
        services.AddSingleton<ParsedPolicyCache>();
        services.AddScoped<RepositoryAccess>();
        services.AddScoped<ScopeGranter>();
        services.AddScoped<WriteGrantRecheck>();
        services.AddHostedService<ConfigurationBootstrapper>();
        return services;
    }
}
