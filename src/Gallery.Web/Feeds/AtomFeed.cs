using System.Globalization;
using System.Text;
using System.Xml;

namespace Gallery.Web.Feeds;

/// <summary>An Atom 1.0 document (RFC 4287): the feed's required elements and one entry per item, text content only.</summary>
public sealed record AtomFeed(string Id, string Title, string SelfUrl, string PageUrl, string Author, DateTime Updated, IReadOnlyList<AtomEntry> Entries)
{
    public const string ContentType = "application/atom+xml; charset=utf-8";
    private const string Namespace = "http://www.w3.org/2005/Atom";

    public byte[] ToBytes()
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Namespace);
            xml.WriteElementString("id", Namespace, Id);
            xml.WriteElementString("title", Namespace, XmlText.Clean(Title));
            xml.WriteElementString("updated", Namespace, Time(Updated));
            WriteLink(xml, "self", "application/atom+xml", SelfUrl);
            WriteLink(xml, "alternate", "text/html", PageUrl);
            xml.WriteStartElement("author", Namespace);
            xml.WriteElementString("name", Namespace, XmlText.Clean(Author));
            xml.WriteEndElement();
            xml.WriteElementString("generator", Namespace, "Gallery");
            foreach (var entry in Entries)
            {
                xml.WriteStartElement("entry", Namespace);
                xml.WriteElementString("id", Namespace, entry.Id);
                xml.WriteElementString("title", Namespace, XmlText.Clean(entry.Title));
                xml.WriteElementString("updated", Namespace, Time(entry.Updated));
                WriteLink(xml, "alternate", "text/html", entry.Url);
                xml.WriteStartElement("content", Namespace);
                xml.WriteAttributeString("type", "text");
                xml.WriteString(XmlText.Clean(entry.Text));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return buffer.ToArray();
    }

    private static void WriteLink(XmlWriter xml, string rel, string type, string href)
    {
        xml.WriteStartElement("link", Namespace);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Time(DateTime utc) => utc.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

public sealed record AtomEntry(string Id, string Title, DateTime Updated, string Url, string Text);
