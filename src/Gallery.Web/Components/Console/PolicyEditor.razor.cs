using Gallery.Web.Console;
using Microsoft.AspNetCore.Components;
using Registry.Core.Access;
using Registry.Core.Access.Policies;
using Registry.Core.Repositories.Management;
using Registry.Core.Repositories;
using Registry.Core.Repositories.Policies;

namespace Gallery.Web.Components.Console;

/// <summary>Edits the policy through <see cref="RepositoryPolicyService"/>; live messages come from <see cref="PolicyParser"/>.</summary>
public partial class PolicyEditor
{
    [Parameter, EditorRequired]
    public Caller Caller { get; set; } = default!;

    [Parameter, EditorRequired]
    public ManagedRepository Repository { get; set; } = default!;

    [Inject]
    private ConsoleSession Session { get; set; } = default!;

    private string? Text { get; set; }

    private bool HasPolicy { get; set; }

    private bool Force { get; set; }

    private string? Problem { get; set; }

    private string? Message { get; set; }

    private string? Error { get; set; }

    protected override void OnParametersSet()
    {
        Text = Repository.PolicyText;
        HasPolicy = Repository.PolicyText is not null;
    }

    private void Changed(ChangeEventArgs e)
    {
        Text = e.Value?.ToString();
        Message = null;
        Error = null;
        Problem = ProblemOf(Text);
    }

    /// <summary>The parser's message for a policy text, or null when it parses (or is empty).</summary>
    public static string? ProblemOf(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            PolicyParser.Parse(text);
            return null;
        }
        catch (PolicyException e)
        {
            return e.Message;
        }
    }

    private async Task SaveAsync()
    {
        Error = null;
        var text = Text!;
        try
        {
            await Session.RunAsync(async services =>
            {
                var repository = await OwnRepository.GetAsync(services, Caller, Repository, EcrPublicActions.SetRepositoryPolicy);
                var setter = new PolicyRequest(Caller.RegistryId, Caller.Arn, IsOwner: true, EcrPublicActions.SetRepositoryPolicy,
                    RepositoryAccess.RepositoryArn(Caller.RegistryId, repository.Name));
                await services.GetRequiredService<RepositoryPolicyService>().SetAsync(repository.Id, text, setter, Force, CancellationToken.None);
                return true;
            });
            HasPolicy = true;
            Message = "Policy saved. It applies to the next request.";
        }
        catch (Exception e) when (e is RepositoryRuleException or AccessDeniedException)
        {
            Error = e.Message;
        }
    }

    private async Task DeleteAsync()
    {
        Error = null;
        try
        {
            await Session.RunAsync(async services =>
            {
                var repository = await OwnRepository.GetAsync(services, Caller, Repository, EcrPublicActions.DeleteRepositoryPolicy);
                return await services.GetRequiredService<RepositoryPolicyService>().DeleteAsync(repository.Id, repository.Name, Caller.RegistryId, CancellationToken.None);
            });
            Text = null;
            HasPolicy = false;
            Problem = null;
            Message = "Policy deleted: only you may push, delete and edit.";
        }
        catch (Exception e) when (e is RepositoryRuleException or AccessDeniedException)
        {
            Error = e.Message;
        }
    }
}
