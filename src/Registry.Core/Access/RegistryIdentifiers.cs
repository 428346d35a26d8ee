using System.Security.Cryptography;

namespace Registry.Core.Access;

/// <summary>New identifiers in ECR Public's shapes: twelve-digit registry ids and default aliases.</summary>
public static class RegistryIdentifiers
{
    private const string AliasLetters = "abcdefghijklmnopqrstuvwxyz";
    private const string AliasCharacters = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static string NewRegistryId() => RandomNumberGenerator.GetString("0123456789", 12);

    /// <summary>A random default alias like ECR Public's (a letter, then seven letters or digits).</summary>
    public static string NewDefaultAlias() =>
        RandomNumberGenerator.GetString(AliasLetters, 1) + RandomNumberGenerator.GetString(AliasCharacters, 7);
}
