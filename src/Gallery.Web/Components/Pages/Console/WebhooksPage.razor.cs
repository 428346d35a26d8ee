using Gallery.Web.Console;
using Microsoft.AspNetCore.Components;
using Registry.Core.Access;
using Registry.Core.Webhooks;

namespace Gallery.Web.Components.Pages.Console;

/// <summary>The publisher's webhooks: add, edit, test and delete them, and read their recent deliveries.</summary>
public partial class WebhooksPage
{
    [Inject]
    private ConsoleSession Session { get; set; } = default!;

    private sealed class WebhookForm
    {
        public string Repository { get; set; } = "";

        public string? Url { get; set; }

        public string? Secret { get; set; }

        public HashSet<string> Events { get; set; } = [WebhookEvents.ImagePushed];
    }

    private Caller? Caller { get; set; }

    private bool Loaded { get; set; }

    private IReadOnlyList<WebhookView> Hooks { get; set; } = [];

    private IReadOnlyList<string> RepositoryNames { get; set; } = [];

    private IReadOnlyList<WebhookDeliveryView> Deliveries { get; set; } = [];

    private WebhookForm Form { get; set; } = new();

    private long? EditingId { get; set; }

    private long? ShownId { get; set; }

    private long? ConfirmDelete { get; set; }

    private string? Error { get; set; }

    protected override async Task OnInitializedAsync()
    {
        Caller = await Session.CallerAsync();
        if (Caller is not null)
        {
            RepositoryNames = await Session.RunAsync<Registry.Core.Data.RegistryDbContext, List<string>>(db =>
                Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                    db.Repositories.Where(r => r.RegistryKey == Caller.RegistryKey).OrderBy(r => r.FullName).Select(r => r.FullName)));
            await LoadAsync();
        }

        Loaded = true;
    }

    private async Task LoadAsync() => Hooks = await Session.RunAsync<WebhookService, IReadOnlyList<WebhookView>>(w => w.ListAsync(Caller!, CancellationToken.None));

    private void Toggle(string name, bool on)
    {
        if (on)
        {
            Form.Events.Add(name);
        }
        else
        {
            Form.Events.Remove(name);
        }
    }

    private async Task SaveAsync()
    {
        Error = null;
        var input = new WebhookInput(Form.Repository.Length == 0 ? null : Form.Repository, Form.Url?.Trim(),
            string.IsNullOrEmpty(Form.Secret) ? null : Form.Secret, Form.Events.ToList());
        try
        {
            if (EditingId is { } id)
            {
                await Session.RunAsync<WebhookService, WebhookView?>(w => w.UpdateAsync(Caller!, id, input, CancellationToken.None));
            }
            else
            {
                await Session.RunAsync<WebhookService, WebhookView>(w => w.CreateAsync(Caller!, input, CancellationToken.None));
            }
        }
        catch (WebhookException e)
        {
            Error = e.Message;
            return;
        }

        CancelEdit();
        await LoadAsync();
    }

    private void Edit(WebhookView hook)
    {
        EditingId = hook.Id;
        Form = new WebhookForm { Repository = hook.Repository ?? "", Url = hook.Url, Events = hook.Events.ToHashSet() };
        Error = null;
    }

    private void CancelEdit()
    {
        EditingId = null;
        Form = new WebhookForm();
    }

    private async Task DeleteAsync(long id)
    {
        ConfirmDelete = null;
        await Session.RunAsync<WebhookService, bool>(w => w.DeleteAsync(Caller!, id, CancellationToken.None));
        if (ShownId == id)
        {
            ShownId = null;
        }

        await LoadAsync();
    }

    private async Task ShowDeliveriesAsync(long id)
    {
        ShownId = id;
        Deliveries = await Session.RunAsync<WebhookService, IReadOnlyList<WebhookDeliveryView>?>(w => w.DeliveriesAsync(Caller!, id, CancellationToken.None)) ?? [];
    }

    private async Task SendTestAsync(long id)
    {
        await Session.RunAsync<WebhookService, WebhookDeliveryView?>(w => w.SendTestAsync(Caller!, id, CancellationToken.None));
        await ShowDeliveriesAsync(id);
    }

    private async Task RedeliverAsync(long deliveryId)
    {
        await Session.RunAsync<WebhookService, WebhookDeliveryView?>(w => w.RedeliverAsync(Caller!, deliveryId, CancellationToken.None));
        await ShowDeliveriesAsync(ShownId!.Value);
    }
}
