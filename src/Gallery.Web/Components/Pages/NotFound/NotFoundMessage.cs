using Microsoft.AspNetCore.Components;

namespace Gallery.Web.Components.Pages.NotFound;

/// <summary>What the not-found page says for this request: set by the page that found nothing, before it calls NotFound().</summary>
public sealed class NotFoundMessage
{
    public string Title { get; private set; } = "Page not found";

    public string Text { get; private set; } = "There is nothing at this address.";

    public string Path { get; private set; } = "/";

    /// <summary>Sets the message and answers 404 with the not-found page (when rendered for a request).</summary>
    public void Show(NavigationManager navigation, string title, string text, string path)
    {
        (Title, Text, Path) = (title, text, path);
        navigation.NotFound();
    }
}
