namespace Gallery.Bench.Suites.Search;

/// <summary>How one engine did on one kind of judged search: targets first, in the top 5, reciprocal rank, empty answers.</summary>
public sealed class RelevanceScore
{
    public int Queries { get; private set; }

    public int First { get; private set; }

    public int TopFive { get; private set; }

    public double ReciprocalRanks { get; private set; }

    public int Empty { get; private set; }

    public double Mrr => Queries == 0 ? 0 : ReciprocalRanks / Queries;

    /// <summary>Counts one answer: the full names in order and the total the engine reported.</summary>
    public void Add(string target, IReadOnlyList<string> answer, long total)
    {
        Queries++;
        var rank = answer.ToList().IndexOf(target) + 1;
        First += rank == 1 ? 1 : 0;
        TopFive += rank is >= 1 and <= 5 ? 1 : 0;
        ReciprocalRanks += rank >= 1 ? 1.0 / rank : 0;
        Empty += total == 0 ? 1 : 0;
    }

    /// <summary>Found as the kind asks: first for exact names, in the top 5 for the rest.</summary>
    public int Found(JudgedKind kind) => JudgedQueries.Within(kind) == 1 ? First : TopFive;
}
