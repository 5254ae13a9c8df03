using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Safeguarding.Web.Hosting;

/// <summary>
/// Behind the TLS proxy the operator runs (docs/operations.md), X-Forwarded-For and X-Forwarded-Proto give the
/// client's real address (for the audit trail) and the https scheme (for HSTS, secure cookies and links), but only
/// when the request comes from a proxy listed under "ForwardedHeaders": KnownProxies (addresses) and KnownNetworks
/// (CIDR ranges). Nothing is trusted by default, not even loopback: anyone could otherwise claim any address.
/// </summary>
public static class ProxyHeaders
{
    public const string Section = "ForwardedHeaders";

    public static IServiceCollection AddProxyHeaders(this IServiceCollection services, IConfiguration config)
    {
        var section = config.GetSection(Section);
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
                o.KnownProxies.Add(IPAddress.TryParse(proxy, out var address) ? address
                    : throw new StartRefusedException($"{Section}:KnownProxies holds '{proxy}', which is not an IP address."));
            foreach (var network in networks)
                o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var range) ? range
                    : throw new StartRefusedException($"{Section}:KnownNetworks holds '{network}', which is not a CIDR range such as 10.0.0.0/8."));
            // One proxy in front: the last address it appends is the client's.
            o.ForwardLimit = 1;
        });
        return services;
    }
}
