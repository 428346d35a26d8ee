using Gallery.Web.Components.Console;
using Gallery.Web.Console;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Data.Entities;
using Registry.Core.Repositories.CatalogData;
using Registry.Core.Repositories.Management;

namespace Gallery.Web.Tests.Console;

/// <summary>The Activity tab: each change with what happened, who did it and when.</summary>
public sealed class ActivityPanelTests : ConsoleTestContext
{
    [Fact]
    public async Task Changes_made_in_the_console_name_the_signed_in_user_and_the_registrys_own_changes_say_so()
    {
        var caller = await CreatePublisherAsync("activitya");
        await CreateRepositoryAsync(caller, "app");
        await SignInAsync(caller);
        var repository = (await RunAsync<RepositoryManagementService, ManagedRepository?>(m => m.FindManagedAsync(caller.RegistryKey, "app", CancellationToken.None)))!;
        await Services.GetRequiredService<ConsoleSession>().RunAsync<RepositoryCatalogService>(c =>
            c.UpdateAsync(repository.Id, new RepositoryCatalogInput(Description: "edited in the console"), CancellationToken.None));

        var cut = Render<ActivityPanel>(p => p.Add(c => c.Repository, repository));
        cut.WaitForElement("#activity-table");

        var rows = cut.FindAll("#activity-table tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(("Catalog page edited", "user-activitya via console"), (rows[0][1], rows[0][2]));
        Assert.Equal(("Repository created", "the registry"), (rows[1][1], rows[1][2]));
    }
}
