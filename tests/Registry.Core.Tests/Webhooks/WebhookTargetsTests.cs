using System.Net;
using Registry.Core.Webhooks;

namespace Registry.Core.Tests.Webhooks;

public sealed class WebhookTargetsTests
{
    [Theory]
    [InlineData("169.254.169.254")]
    [InlineData("fe80::1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    public void Link_local_and_non_unicast_addresses_are_refused_even_when_private_targets_are_allowed(string address) =>
        Assert.NotNull(WebhookTargets.Refusal(IPAddress.Parse(address), allowPrivate: true));

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("10.0.0.1")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("100.64.0.1")]
    [InlineData("fd00::1")]
    [InlineData("::ffff:127.0.0.1")]
    public void Private_and_loopback_addresses_are_refused_unless_allowed(string address)
    {
        Assert.NotNull(WebhookTargets.Refusal(IPAddress.Parse(address), allowPrivate: false));
        Assert.Null(WebhookTargets.Refusal(IPAddress.Parse(address), allowPrivate: true));
    }

    [Theory]
    [InlineData("203.0.113.9")]
    [InlineData("172.32.0.1")]
    [InlineData("8.8.8.8")]
    [InlineData("2001:db8::1")]
    public void Public_addresses_are_allowed(string address) =>
        Assert.Null(WebhookTargets.Refusal(IPAddress.Parse(address), allowPrivate: false));
}
