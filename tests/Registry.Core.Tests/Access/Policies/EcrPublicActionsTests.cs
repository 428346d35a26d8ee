using Registry.Core.Access.Policies;

namespace Registry.Core.Tests.Access.Policies;

public class EcrPublicActionsTests
{
    [Fact]
    public void There_is_one_action_per_ecr_public_operation()
    {
        Assert.Equal(23, EcrPublicActions.All.Count);
        Assert.Equal(23, EcrPublicActions.All.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(EcrPublicActions.All, action => Assert.StartsWith(EcrPublicActions.Prefix, action));
        Assert.Subset(EcrPublicActions.All.ToHashSet(), EcrPublicActions.Push.ToHashSet());
    }

    [Theory]
    [InlineData("PutImage", EcrPublicActions.PutImage)]
    [InlineData("SetRepositoryPolicy", EcrPublicActions.SetRepositoryPolicy)]
    [InlineData("putimage", null)]
    [InlineData("Frobnicate", null)]
    [InlineData("", null)]
    public void Operations_map_to_their_actions(string operation, string? action) =>
        Assert.Equal(action, EcrPublicActions.ForOperation(operation));
}
