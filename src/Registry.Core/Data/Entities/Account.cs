using Microsoft.AspNetCore.Identity;

namespace Registry.Core.Data.Entities;

/// <summary>A publisher's sign-in identity (ASP.NET Core Identity). Each account owns one registry.</summary>
public sealed class Account : IdentityUser
{
    public bool IsAdministrator { get; set; }

    /// <summary>A suspended publisher can neither push nor edit, and its pages are hidden.</summary>
    public bool Suspended { get; set; }

    public DateTime CreatedAt { get; set; }
}
