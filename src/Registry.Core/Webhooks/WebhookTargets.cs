using System.Net;
using System.Net.Sockets;

namespace Registry.Core.Webhooks;

/// <summary>
/// Which addresses a webhook may be sent to (the one place this rule lives: registration and every delivery ask it).
/// Link-local addresses (cloud metadata at 169.254.169.254), unspecified, multicast and broadcast addresses are always
/// refused; private, shared (carrier-grade NAT), unique-local and loopback ones unless private targets are allowed.
/// </summary>
public static class WebhookTargets
{
    /// <summary>Why the address is refused, or null when a delivery may connect to it.</summary>
    public static string? Refusal(IPAddress address, bool allowPrivate)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b switch
            {
                [169, 254, ..] => $"{address} is link-local (cloud metadata lives there); webhooks are never sent to it",
                [0, ..] or [255, 255, 255, 255] or [>= 224, ..] => $"{address} is not a unicast address",
                [127, ..] when !allowPrivate => $"{address} is a loopback address",
                [10, ..] or [172, >= 16 and <= 31, ..] or [192, 168, ..] or [100, >= 64 and <= 127, ..] when !allowPrivate =>
                    $"{address} is a private address",
                _ => null,
            };
        }

        if (address.IsIPv6LinkLocal)
        {
            return $"{address} is link-local; webhooks are never sent to it";
        }

        if (address.Equals(IPAddress.IPv6Any) || address.IsIPv6Multicast)
        {
            return $"{address} is not a unicast address";
        }

        if (!allowPrivate && address.Equals(IPAddress.IPv6Loopback))
        {
            return $"{address} is a loopback address";
        }

        if (!allowPrivate && (address.IsIPv6UniqueLocal || address.IsIPv6SiteLocal))
        {
            return $"{address} is a private address";
        }

        return null;
    }

    /// <summary>The host's addresses, each checked: the first allowed one, or why none is.</summary>
    public static async Task<(IPAddress? Address, string? Refusal)> ResolveAsync(string host, bool allowPrivate, CancellationToken cancellationToken)
    {
        IPAddress[] addresses;
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
            }
            catch (SocketException)
            {
                return (null, $"the host name {host} does not resolve");
            }
        }

        // Every address must pass: a name answering with one public and one internal address is not trusted.
        var refusal = addresses.Select(a => Refusal(a, allowPrivate)).FirstOrDefault(r => r is not null);
        return refusal is not null || addresses.Length == 0 ? (null, refusal ?? $"the host name {host} has no address") : (addresses[0], null);
    }
}
