using System.Text.Json;
using System.Text.Unicode;

namespace Registry.Core.Oci;

/// <summary>
/// JSON's grammar admits strings that are not Unicode text: bytes that are not UTF-8, and escapes of lone
/// surrogates (<c>"\ud800"</c>). System.Text.Json parses them, then throws when such a string is read, or when an
/// escaped property name is compared in a lookup; so a document is checked once, whole, before it is used.
/// </summary>
internal static class JsonText
{
    /// <param name="json">A document that has already parsed, within <paramref name="maxDepth"/>.</param>
    public static bool IsValid(ReadOnlySpan<byte> json, int maxDepth)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = maxDepth });
        while (reader.Read())
        {
            if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName))
            {
                continue;
            }

            if (!reader.ValueIsEscaped)
            {
                if (!Utf8.IsValid(reader.ValueSpan))
                {
                    return false;
                }

                continue;
            }

            try
            {
                reader.GetString();
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }

        return true;
    }
}
