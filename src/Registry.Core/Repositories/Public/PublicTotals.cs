namespace Registry.Core.Repositories.Public;

/// <summary>What the public catalog holds: public repositories, publishers with one, their tags and pulls (suspended publishers left out).</summary>
public sealed record PublicTotals(int Repositories, int Publishers, long Tags, long Pulls);
