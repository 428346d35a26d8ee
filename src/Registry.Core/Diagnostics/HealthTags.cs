namespace Registry.Core.Diagnostics;

/// <summary>Health checks tagged <see cref="Ready"/> decide <c>/readyz</c>; <c>/healthz</c> runs none (the process answers, that is all).</summary>
public static class HealthTags
{
    public const string Ready = "ready";

    /// <summary>Long enough for a database under load, short enough that a probe never piles up.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
}
