namespace Registry.Core.Data.Entities;

public sealed class Repository
{
    public long Id { get; set; }

    public long RegistryId { get; set; }

    public PublicRegistry Registry { get; set; } = null!;

    /// <summary>The name inside the registry alias.</summary>
    public required string Name { get; set; }

    /// <summary><c>alias/name</c>, unique; what clients address.</summary>
    public required string FullName { get; set; }

    public DateTime CreatedAt { get; set; }
}
