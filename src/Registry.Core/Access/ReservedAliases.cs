namespace Registry.Core.Access;

/// <summary>Aliases that would shadow the gallery's own URLs or impersonate the service; nobody may take them.</summary>
public static class ReservedAliases
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "v2", "token", "api", "console", "search", "healthz", "readyz", "health", "metrics", "openapi", "admin", "administrator",
        "account", "accounts", "login", "logout", "signin", "signout", "signup", "register", "settings", "static",
        "assets", "css", "js", "img", "images", "favicon.ico", "robots.txt", "sitemap.xml", "about", "help", "docs",
        "support", "status", "publisher", "publishers", "repositories", "repository", "gallery", "official",
        "library", "root", "system", "aws", "amazon", "ecr", "ecr-public", "public", "www", "mail", "security",
        "_framework", "_content", "_blazor", "new", "edit", "delete", "verified", "popular", "explore",
    };

    public static bool IsReserved(string alias) => Words.Contains(alias);
}
