using Lucene.Net.Util;

namespace Gallery.Indexer.Documents;

/// <summary>Every field of a repository document, named once. Analyzers per field are in <see cref="GalleryAnalyzers"/>.</summary>
public static class IndexFields
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>The key: the repository's full name, as stored; updates replace by it.</summary>
    public const string Id = "id";

    /// <summary>The full name, the name inside the alias and its last part, lower-cased, untokenised: an exact match ranks first.</summary>
    public const string ExactName = "exact_name";

    /// <summary>Full name split into parts and joined (<c>aws-cli</c> → aws, cli, awscli, aws-cli).</summary>
    public const string NameText = "name_text";

    /// <summary>The name's parts as edge n-grams, for search-as-you-type.</summary>
    public const string NamePrefix = "name_prefix";

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

    /// <summary>Numeric doc values (sortable); pulls are updated in place, without rebuilding the document.</summary>
    public const string Pulls = "pulls";
    public const string LastPushed = "last_pushed";
    public const string Created = "created";

    /// <summary>Binary doc values: what a hit shows (<see cref="HitDisplay"/>), read without decompressing stored fields.</summary>
    public const string Hit = "hit";

    /// <summary>Sorted doc values of the lower-cased full name, for the name sort.</summary>
    public const string SortName = "sort_name";
}
