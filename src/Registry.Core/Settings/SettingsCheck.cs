using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Registry.Core.Access.KeyRing;

namespace Registry.Core.Settings;

/// <summary>
/// Checks every setting before the host starts, and turns a refused setting into the lines an operator reads:
/// one per problem, naming the setting and its rule, without a stack trace.
/// </summary>
public static partial class SettingsCheck
{
    /// <summary>Runs every options class's rules now (the ValidateOnStart checks), before anything starts.</summary>
    public static void Validate(IServiceProvider services) => services.GetService<IStartupValidator>()?.Validate();

    /// <summary>What to print for an exception that is a refused setting; null for any other exception.</summary>
    public static string? Describe(Exception exception) => exception switch
    {
        OptionsValidationException e => string.Join(Environment.NewLine, e.Failures.Select(f => $"Setting refused: {f}")),
        AggregateException e when e.InnerExceptions.All(i => Describe(i) is not null) =>
            string.Join(Environment.NewLine, e.InnerExceptions.Select(i => Describe(i))),
        SettingsException or KeyRingException => $"Setting refused: {exception.Message}",
        InvalidOperationException e when ConversionFailure().Match(e.Message) is { Success: true } m => $"Setting refused: {Unreadable(m)}",
        _ => null,
    };

    private static string Unreadable(Match match)
    {
        var path = match.Groups["path"].Value;
        var type = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(match.Groups["type"].Value)).FirstOrDefault(t => t is not null);
        var expected = type switch
        {
            { IsEnum: true } => $"one of {string.Join(", ", Enum.GetNames(type))}",
            _ when type == typeof(TimeSpan) => "a time span such as 00:15:00 or 1.00:00:00",
            _ when type == typeof(bool) => "true or false",
            _ when type is not null && (type == typeof(int) || type == typeof(long) || type == typeof(double)) => "a number",
            _ => $"a {match.Groups["type"].Value}",
        };
        return $"{path} ({path.Replace(":", "__", StringComparison.Ordinal)}) must be {expected}; it is '{match.Groups["value"].Value}'";
    }

    [GeneratedRegex("^Failed to convert configuration value '(?<value>.*)' at '(?<path>[^']*)' to type '(?<type>[^']*)'", RegexOptions.Singleline)]
    private static partial Regex ConversionFailure();
}
