using Registry.Core.Access;

namespace Registry.Core.Events;

/// <summary>
/// Who is acting in this scope (one HTTP request, or one console operation), written on every event the scope's
/// changes record, so the console's Activity can say who pushed, moved a tag or edited a page. Unset for the
/// registry's own work (bootstrap, expiry), which records no actor.
/// </summary>
public sealed class EventActor
{
    public string? Name { get; private set; }

    public void Set(string name) => Name = name;

    /// <summary>How events name a signed-in account and the means it acts through, e.g. "alice via access key GK…".</summary>
    public static string Describe(string userName, string via) => $"{userName} via {via}";

    /// <summary>A caller authenticated by an access key (registry clients, the ECR Public API), or else in the console.</summary>
    public static string NameOf(Caller caller) =>
        Describe(caller.UserName, caller.AccessKeyId is { } key ? $"access key {key}" : ViaConsole);

    public const string ViaConsole = "console";
}
