using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Registry.Core.Settings;

/// <summary>
/// Options bound from a configuration section and checked when the host starts (<c>ValidateOnStart</c>), by the
/// rules the options class declares next to its settings.
/// </summary>
public static class CheckedOptions
{
    public static IServiceCollection AddCheckedOptions<T>(this IServiceCollection services, IConfiguration configuration, string section, Action<T, SettingRules> rules)
        where T : class
    {
        services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<T>>(new RuleValidator<T>(section, rules));
        return services;
    }

    private sealed class RuleValidator<T>(string section, Action<T, SettingRules> rules) : IValidateOptions<T> where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var checks = new SettingRules(section);
            rules(options, checks);
            return checks.Failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(checks.Failures);
        }
    }
}
