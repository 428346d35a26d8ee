using Registry.Core.Settings;

namespace Gallery.Web.Console;

/// <summary>Who may become a publisher, and how hard the account forms may be hit. Bound from "Gallery:Console".</summary>
public sealed class ConsoleOptions
{
    public const string Section = "Gallery:Console";

    /// <summary>Anyone may create a publisher account at /console/signup; when false, only administrators add publishers.</summary>
    public bool OpenSignUp { get; set; } = true;

    /// <summary>
    /// Sign-in, sign-up and password posts per client address and minute (a bucket of this many, refilled at this
    /// rate). Lockout guards one account; this guards the password hashing behind every post. 0 turns it off.
    /// </summary>
    public int AccountPostsPerMinute { get; set; } = 10;

    internal static void Check(ConsoleOptions o, SettingRules rules) => rules.AtLeast(nameof(AccountPostsPerMinute), o.AccountPostsPerMinute, 0);
}
