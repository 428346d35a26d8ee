using System.Xml;

namespace Gallery.Web.Feeds;

/// <summary>Catalog strings may hold characters XML cannot carry (control characters); they are dropped, never written.</summary>
public static class XmlText
{
    public static string Clean(string? text) =>
        string.IsNullOrEmpty(text) || text.All(XmlConvert.IsXmlChar) ? text ?? "" : new string(text.Where(XmlConvert.IsXmlChar).ToArray());
}
