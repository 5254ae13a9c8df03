using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Outbox;
using Safeguarding.Core.Tests.DomesticAbuse;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Platform.Outbox;

/// <summary>
/// A webhook reaches the internet only: never the hub's own machine, its private network or the cloud's metadata
/// service, whatever the address or its name resolves to; and what it records of a failure names no internal host.
/// </summary>
public sealed class WebhookAddressTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("0.0.0.0")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.254")]
    [InlineData("192.168.1.1")]
    [InlineData("100.64.0.1")]
    [InlineData("169.254.169.254")]
    [InlineData("169.254.1.1")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("fc00::1")]
    [InlineData("fd00:ec2::254")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    [InlineData("2002:c0a8:0101::1")]
    public void Loopback_private_link_local_unique_local_and_metadata_addresses_are_refused(string address) =>
        Assert.True(WebhookAddresses.IsRefused(IPAddress.Parse(address)));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2a00:1450:4009:81f::200e")]
    public void Public_addresses_are_allowed(string address) =>
        Assert.False(WebhookAddresses.IsRefused(IPAddress.Parse(address)));

    [Fact]
    public void The_tests_allowance_opens_loopback_only()
    {
        Assert.False(WebhookAddresses.IsRefused(IPAddress.Loopback, allowLoopback: true));
        Assert.True(WebhookAddresses.IsRefused(IPAddress.Parse("10.0.0.1"), allowLoopback: true));
        Assert.True(WebhookAddresses.IsRefused(IPAddress.Parse("169.254.169.254"), allowLoopback: true));
    }

    [Theory]
    [InlineData("https://127.0.0.1/encompass")]
    [InlineData("https://localhost/encompass")]
    [InlineData("https://[::1]/encompass")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://[fd00:ec2::254]/")]
    [InlineData("https://10.0.0.5:8443/encompass")]
    public void An_internal_address_cannot_be_set(string url) =>
        Assert.Equal("The address must be on the internet: local, private and internal network addresses cannot receive notifications",
            WebhookSubscriptions.ProblemWith(url));

    [Fact]
    public void The_tests_allowance_is_refused_at_start_in_production()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [WebhookAddresses.AllowLoopbackForTestsKey] = "true",
        }).Build();

        var refused = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddSafeguardingOutbox(configuration));
        Assert.Contains(WebhookAddresses.AllowLoopbackForTestsKey, refused.Message);
        Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddSafeguardingOutbox(configuration, "Production"));
        new ServiceCollection().AddSafeguardingOutbox(configuration, "Development");
    }

    [Theory, BothDatabases]
    public async Task A_post_to_a_loopback_address_or_a_name_that_resolves_to_one_is_refused_at_connection_and_the_error_names_no_host(DatabaseProvider provider)
    {
        await using var s = await EncompassScenario.CreateAsync(provider);
        using var receiver = Receiver.Start();
        // Stored directly, as if set before the rules existed or by someone with database access: the connection
        // is the check that counts. "localhost" is a name, so this is the check after DNS resolution.
        await s.Data.CreateWebhookAsync(s.School, $"http://localhost:{receiver.Port}/encompass", "secret");
        await s.ReadyNotificationAsync();
        await using (var db = s.NewContext()) await s.Delivery(db).DeliverReadyAsync();

        await using (var db = s.NewContext())
        {
            using var http = new WebhookHttp();
            await s.Dispatcher(db, new WebhookChannel(db, http, TestSecrets.Ephemeral()), new FlakyChannel(OutboxChannel.Email, 0)).DispatchDueAsync();
        }

        await using var check = s.NewContext();
        var message = await check.OutboxMessages.SingleAsync(m => m.Channel == OutboxChannel.Webhook);
        Assert.Equal(OutboxStatus.Pending, message.Status);
        Assert.Equal(1, message.Attempts);
        Assert.Equal("The setting's address leads to a local, private or internal network, which notifications are never sent to.",
            message.LastError);
        Assert.Equal(0, receiver.Requests);
    }

    [Theory, BothDatabases]
    public async Task An_unreachable_address_is_recorded_without_its_host_or_port(DatabaseProvider provider)
    {
        await using var s = await EncompassScenario.CreateAsync(provider);
        var port = Receiver.FreePort(); // nothing listens there
        await s.Data.CreateWebhookAsync(s.School, $"http://127.0.0.1:{port}/encompass", "secret");
        await s.ReadyNotificationAsync();
        await using (var db = s.NewContext()) await s.Delivery(db).DeliverReadyAsync();

        await using (var db = s.NewContext())
        {
            using var http = new WebhookHttp(allowLoopbackForTests: true);
            await s.Dispatcher(db, new WebhookChannel(db, http, TestSecrets.Ephemeral()), new FlakyChannel(OutboxChannel.Email, 0)).DispatchDueAsync();
        }

        await using var check = s.NewContext();
        var error = (await check.OutboxMessages.SingleAsync(m => m.Channel == OutboxChannel.Webhook)).LastError;
        Assert.Equal("The setting's system could not be reached.", error);
    }

    [Theory, BothDatabases]
    public async Task When_the_address_changes_what_was_queued_for_the_old_one_is_cancelled_and_never_posted_to_the_new_one(DatabaseProvider provider)
    {
        await using var s = await EncompassScenario.CreateAsync(provider);
        using var receiver = Receiver.Start();
        var hook = await s.Data.CreateWebhookAsync(s.School, "https://old-system.school.example/encompass", "secret");
        await s.ReadyNotificationAsync();
        await using (var db = s.NewContext()) await s.Delivery(db).DeliverReadyAsync();
        var admin = await s.UserAsync(await s.OrganisationAsync(Core.Platform.Organisations.OrganisationType.CouncilService), Role.SystemAdministrator);

        await using (var db = s.NewContext())
            await new WebhookSubscriptions(db, TestSecrets.Ephemeral()).SetAsync(new SetWebhookOptions(s.School.Id, "https://new-system.school.example/encompass"),
                new ProcessContext("test:webhooks", admin.Actor));
        // The new system is the tests' receiver (the stored address points at it), reachable with the allowance.
        await using (var db = s.NewContext())
            await db.WebhookSubscriptions.Where(w => w.Id == hook.Id).ExecuteUpdateAsync(u => u.SetProperty(w => w.Url, $"http://127.0.0.1:{receiver.Port}/encompass"));
        await using (var db = s.NewContext())
        {
            using var http = new WebhookHttp(allowLoopbackForTests: true);
            await s.Dispatcher(db, new WebhookChannel(db, http, TestSecrets.Ephemeral()), new FlakyChannel(OutboxChannel.Email, 0)).DispatchDueAsync();
        }

        await using var check = s.NewContext();
        var message = await check.OutboxMessages.SingleAsync(m => m.Channel == OutboxChannel.Webhook);
        Assert.Equal(OutboxStatus.Cancelled, message.Status);
        Assert.Equal("Cancelled: the setting's address changed after this was queued, so it was not sent to the new address.", message.LastError);
        Assert.Equal(0, receiver.Requests);
        // The cancellation is in the audit trail, made by the administrator who changed the address.
        Assert.True(await check.AuditEntries.AnyAsync(a => a.ResourceType == nameof(OutboxMessage) && a.ResourceId == message.Id.ToString()));
    }

    /// <summary>A receiver on 127.0.0.1 that answers 204 and counts what reaches it.</summary>
    private sealed class Receiver : IDisposable
    {
        private readonly HttpListener _listener = new();
        private int _requests;

        public int Port { get; private init; }
        public int Requests => Volatile.Read(ref _requests);

        public static Receiver Start()
        {
            var receiver = new Receiver { Port = FreePort() };
            receiver._listener.Prefixes.Add($"http://127.0.0.1:{receiver.Port}/");
            receiver._listener.Prefixes.Add($"http://localhost:{receiver.Port}/");
            receiver._listener.Start();
            _ = receiver.ServeAsync();
            return receiver;
        }

        private async Task ServeAsync()
        {
            try
            {
                while (true)
                {
                    var context = await _listener.GetContextAsync();
                    Interlocked.Increment(ref _requests);
                    context.Response.StatusCode = 204;
                    context.Response.Close();
                }
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                // stopped
            }
        }

        public static int FreePort()
        {
            var l = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            l.Start();
            var port = ((IPEndPoint)l.LocalEndpoint).Port;
            l.Stop();
            return port;
        }

        public void Dispose() => _listener.Close();
    }
}
