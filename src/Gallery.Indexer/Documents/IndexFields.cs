using Lucene.Net.Util;

namespace Gallery.Indexer.Documents;

/// <summary>Every field of a repository document, named once. Analyzers per field are in <see cref="GalleryAnalyzers"/>.</summary>
public static class IndexFields
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>The key: the repository's full name, as stored; updates replace by it.</summary>
    public const string Id = "id";

    /// <summary>Changes whenever a field or analyzer changes: an index written with another schema is rebuilt at start.</summary>
    public const string Schema = "5";

    /// <summary>The full name, lower-cased, untokenised (<c>bitnami/nginx</c>): the text equal to it ranks first.</summary>
    public const string FullNameKey = "full_name_key";

    /// <summary>
    /// The whole name inside the alias, lower-cased, untokenised, also without Docker's <c>library/</c>
    /// (<c>docker/library/nginx</c> → library/nginx, nginx): the text equal to it ranks next; a typed prefix of it ranks by how much it covers.
    /// </summary>
    public const string NameKey = "name_key";

    /// <summary>The name's last <c>/</c> part (a mirror's <c>mirror/docker/library/nginx</c> → nginx): equal to the text ranks below a whole name.</summary>
    public const string LastPartKey = "last_part_key";

    /// <summary>The whole name, on the original of its software (<see cref="NameKeys.IsOriginal"/>): the original before copies.</summary>
    public const string OriginalKey = "original_key";

    /// <summary>Full name split into parts and joined (<c>aws-cli</c> → aws, cli, awscli, aws-cli). Never stemmed.</summary>
    public const string NameText = "name_text";

    public const string Alias = "alias";

    /// <summary>The publisher registry's database id: finds a registry's documents after its alias changes.</summary>
    public const string RegistryKey = "registry";

    public const string Name = "name";
    public const string PublisherText = "publisher_text";
    public const string PublisherDisplayName = "publisher_display_name";
    public const string Verified = "verified";
    public const string Description = "description";
    public const string About = "about";
    public const string Usage = "usage";
    public const string TagText = "tag_text";
    public const string Architecture = "architecture";
    public const string OperatingSystem = "os";
    public const string LogoDigest = "logo_digest";

    /// <summary>What the repository holds: <c>image</c>, <c>helm</c> or <c>artifact</c> (<see cref="Registry.Core.Oci.ArtifactKinds"/>); a facet.</summary>
    public const string Type = "type";

    /// <summary>Whether some current tag's image is signed / has an SBOM (<c>true</c> or <c>false</c>); facets.</summary>
    public const string Signed = "signed";
    public const string Sbom = "sbom";

    /// <summary>Keyword terms of the packages current tags ship: each lower-cased name and name@version (<see cref="PackageMap"/>).</summary>
    public const string Package = "package";

    /// <summary>Stored: which tags ship which package versions (<see cref="PackageMap.Encode"/>), read for the page's hits.</summary>
    public const string PackageMap = "package_map";

    /// <summary>Numeric doc values (sortable); pulls are updated in place, without rebuilding the document.</summary>
    public const string Pulls = "pulls";
    public const string LastPushed = "last_pushed";
    public const string Created = "created";

    /// <summary>Binary doc values: what a hit shows (<see cref="HitDisplay"/>), read without decompressing stored fields.</summary>
    public const string Hit = "hit";

    /// <summary>Sorted doc values of the lower-cased full name, for the name sort.</summary>
    public const string SortName = "sort_name";
}
