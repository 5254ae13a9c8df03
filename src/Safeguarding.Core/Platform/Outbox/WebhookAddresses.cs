using System.Net;
using System.Net.Sockets;

namespace Safeguarding.Core.Platform.Outbox;

/// <summary>
/// Where a webhook may post: the public internet only. Loopback, private, shared (CGNAT), link-local (cloud metadata at
/// 169.254.169.254 included), unique-local (fd00:ec2::254 included), multicast and reserved addresses are refused, so
/// that an administrator's address cannot make the hub reach into its own network (SSRF). The check is made on the
/// addresses a name resolves to, at the moment each connection is made (see <see cref="WebhookHttp"/>), so a name that
/// answers a public address when set and a private one later (DNS rebinding) is still refused.
/// </summary>
public static class WebhookAddresses
{
    /// <summary>The setting that lets the tests' receiver on 127.0.0.1 be reached. Refused at start in Production.</summary>
    public const string AllowLoopbackForTestsKey = "Safeguarding:Webhooks:AllowLoopbackForTests";

    /// <summary>True when a post may not be sent to the address; loopback only when the tests' allowance is on.</summary>
    public static bool IsRefused(IPAddress address, bool allowLoopback = false)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address)) return !allowLoopback;
        if (address.AddressFamily == AddressFamily.InterNetwork) return IsRefusedV4(address.GetAddressBytes());
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return true;
        var b = address.GetAddressBytes();
        if (address.Equals(IPAddress.IPv6None) || address.Equals(IPAddress.IPv6Any)) return true;
        if ((b[0] & 0xfe) == 0xfc) return true; // fc00::/7 unique-local (fd00:ec2::254 is AWS metadata)
        if (b[0] == 0xfe && (b[1] & 0xc0) is 0x80 or 0xc0) return true; // fe80::/10 link-local, fec0::/10 site-local
        if (b[0] == 0xff) return true; // multicast
        if (b[..12].All(x => x == 0)) return true; // ::/96, IPv4-compatible (deprecated), never a real host
        // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address: judge that one.
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b[4..12].All(x => x == 0)) return IsRefusedV4(b[12..16]);
        if (b[0] == 0x20 && b[1] == 0x02) return IsRefusedV4(b[2..6]);
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) return true; // 2001:db8::/32 documentation
        return false;
    }

    private static bool IsRefusedV4(byte[] b) => b[0] switch
    {
        0 or 10 or 127 => true,                       // "this network", private, loopback
        100 => (b[1] & 0xc0) == 64,                   // 100.64.0.0/10 shared address space (carrier NAT)
        169 => b[1] == 254,                           // link-local, cloud metadata
        172 => (b[1] & 0xf0) == 16,                   // 172.16.0.0/12 private
        192 => (b[1] == 168) || (b[1] == 0 && b[2] is 0 or 2) || (b[1] == 88 && b[2] == 99), // private, IETF, TEST-NET-1, 6to4 relay
        198 => (b[1] & 0xfe) == 18 || (b[1] == 51 && b[2] == 100), // benchmarking, TEST-NET-2
        203 => b[1] == 0 && b[2] == 113,              // TEST-NET-3
        >= 224 => true,                               // multicast, reserved, broadcast
        _ => false,
    };

    /// <summary>
    /// Why an address's host cannot be used, judged without DNS when it is set (a literal address or "localhost"),
    /// or null. Names are judged again, resolved, on every connection.
    /// </summary>
    public static string? ProblemWithHost(Uri uri)
    {
        var host = uri.IdnHost.TrimEnd('.');
        var refused = host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Trim('[', ']'), out var literal) && IsRefused(literal));
        return refused ? "The address must be on the internet: local, private and internal network addresses cannot receive notifications" : null;
    }

    /// <summary>
    /// Connects only to checked addresses: resolves the name itself and opens the socket to exactly the addresses it
    /// judged, so nothing can resolve the name again in between.
    /// </summary>
    internal static async ValueTask<Stream> ConnectAsync(DnsEndPoint endPoint, bool allowLoopback, CancellationToken ct)
    {
        var addresses = IPAddress.TryParse(endPoint.Host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endPoint.Host, ct);
        // Any refused answer refuses the name: a name that mixes public and private answers is not to be trusted.
        if (addresses.Length == 0 || addresses.Any(a => IsRefused(a, allowLoopback))) throw new WebhookAddressRefusedException();
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// What went wrong, in words that name no host, address or port (the text is kept and shown to administrators,
    /// and a refused or unreachable internal address must not be told back).
    /// </summary>
    public static string Describe(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
            if (e is WebhookAddressRefusedException) return e.Message;
        return error switch
        {
            TaskCanceledException or TimeoutException => "The setting's system did not answer in time.",
            HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => "The setting's system's name could not be found.",
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } => "The setting's system could not be reached.",
            HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } => "A secure connection to the setting's system could not be made.",
            _ => "The post to the setting's system failed.",
        };
    }
}

/// <summary>The address a webhook would reach is loopback, private, link-local or otherwise internal.</summary>
public sealed class WebhookAddressRefusedException()
    : Exception("The setting's address leads to a local, private or internal network, which notifications are never sent to.");

/// <summary>A webhook post failed; the message names no host or address (see <see cref="WebhookAddresses.Describe"/>).</summary>
public sealed class WebhookDeliveryException(string message, Exception inner) : Exception(message, inner);
