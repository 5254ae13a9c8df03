using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Core.Platform.Outbox;
using Safeguarding.Core.Platform.Secrets;
using Safeguarding.Core.Tests.DomesticAbuse;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Platform.Outbox;

using Outbox = Safeguarding.Core.Platform.Outbox.Outbox;

public sealed class OutboxTests
{
    [Theory, BothDatabases]
    public async Task Delivery_puts_the_notification_in_the_inbox_and_emails_each_key_adult_a_link_with_no_personal_data(DatabaseProvider provider)
    {
        await using var s = await EncompassScenario.CreateAsync(provider);
        var smtp = await TestSmtpServer.SharedAsync();
        var notification = await s.ReadyNotificationAsync();
        var content = NotificationContentJson.Read(notification.Content);

        await using (var db = s.NewContext())
            Assert.Equal(1, await s.Delivery(db).DeliverReadyAsync());
        await using (var db = s.NewContext())
        {
            await using var email = new EmailChannel(smtp.Settings);
            var result = await s.Dispatcher(db, email).DispatchDueAsync();
            Assert.Equal(2, result.Delivered);
        }

        var mails = await smtp.WaitForAsync([s.KeyAdult.Email, s.DeputyKeyAdult.Email], 2);
        Assert.Equal(2, mails.Count);
        Assert.Equal(new[] { s.KeyAdult.Email, s.DeputyKeyAdult.Email }.Order(), mails.SelectMany(m => m.To).Order());
        foreach (var mail in mails)
        {
            Assert.Contains($"https://hub.test.example/domestic-abuse/encompass/inbox/{notification.Id}", mail.Text);
            foreach (var personal in new[] { content.ChildGivenName, content.ChildFamilyName, content.PoliceReference, "LS1", "scared" })
            {
                Assert.DoesNotContain(personal, mail.Text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(personal, mail.Subject, StringComparison.OrdinalIgnoreCase);
            }
        }
        await using var check = s.NewContext();
        var stored = await check.EncompassNotifications.SingleAsync(n => n.Id == notification.Id);
        Assert.Equal(NotificationStatus.Delivered, stored.Status);
        Assert.Equal(s.Clock.GetCurrentInstant(), stored.DeliveredAt);
        var messages = await check.OutboxMessages.Where(m => m.AboutId == notification.Id).ToListAsync();
        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.Equal(OutboxStatus.Delivered, m.Status));
    }

    [Theory, BothDatabases]
    public async Task Each_email_carries_a_message_id_that_stays_the_same_when_it_is_resent(DatabaseProvider provider)
    {
        await using var s = await EncompassScenario.CreateAsync(provider);
        var smtp = await TestSmtpServer.SharedAsync();
        await s.ReadyNotificationAsync();
        await using (var db = s.NewContext()) await s.Delivery(db).DeliverReadyAsync();
        OutboxMessage message;
        await using (var db = s.NewContext())
            message = await db.OutboxMessages.FirstAsync(m => m.PartnershipId == s.PartnershipId && m.Destination == s.KeyAdult.Email);

        // As after a crash between sending and recording it: the same message goes twice.
        await using (var email = new EmailChannel(smtp.Settings))
        {
            await email.SendAsync(message, CancellationToken.None);
            await email.SendAsync(message, CancellationToken.None);
        }

        var mails = await smtp.WaitForAsync([s.KeyAdult.Email], 2);
        Assert.Equal(2, mails.Count);
        Assert.Single(mails.Select(m => m.MessageId).Distinct());
        Assert.Equal(EmailChannel.MessageIdFor(message, "test.example"), mails[0].MessageId);
    }

    [Theory, BothDatabases]
    public async Task Delivering_again_queues_nothing_twice(DatabaseProvider provider)
    {
        await using var s = await EncompassScenario.CreateAsync(provider);
        var notification = await s.ReadyNotificationAsync();
        await using (var db = s.NewContext()) await s.Delivery(db).DeliverAllReadyAsync();
        await using (var db = s.NewContext()) Assert.Equal(0, await s.Delivery(db).DeliverAllReadyAsync());

        await using var check = s.NewContext();
        Assert.Equal(2, await check.OutboxMessages.CountAsync(m => m.AboutId == notification.Id));
        // And the store itself refuses a second message with the same delivery key.
        var first = await check.OutboxMessages.FirstAsync(m => m.AboutId == notification.Id);
        check.Process = ProcessContext.System("test");
        new Outbox(check).QueueEmail(s.PartnershipId, "someone@test.example", new EmailContent("x", "y"), first.DeliveryKey, "test", null);
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => check.SaveChangesAsync());
    }

    [Theory, BothDatabases]
    public async Task Every_status_change_the_dispatcher_makes_in_bulk_is_audited_per_message_and_the_chain_holds(DatabaseProvider provider)
    {
        await using var s = await EncompassScenario.CreateAsync(provider);
        var delivered = await QueueOneAsync(s, maxAttempts: 4);
        var failing = new FlakyChannel(OutboxChannel.Email, failures: 1);

        // The first attempt fails (to be retried), the second is delivered: each a bulk update past the change tracker.
        await using (var db = s.NewContext()) Assert.Equal(1, (await s.Dispatcher(db, failing).DispatchDueAsync()).Retrying);
        s.Clock.AdvanceHours(1);
        await using (var db = s.NewContext()) Assert.Equal(1, (await s.Dispatcher(db, failing).DispatchDueAsync()).Delivered);

        await using var check = s.NewContext();
        var trail = await check.AuditEntries.AsNoTracking()
            .Where(e => e.ResourceType == nameof(OutboxMessage) && e.ResourceId == delivered.Id.ToString() && e.Action == "update")
            .OrderBy(e => e.Sequence).Select(e => e.Details).ToListAsync();
        Assert.Equal([
            "changed: ClaimToken, NextAttemptAt, Attempts (claimed)",
            "changed: Status, NextAttemptAt, ClaimToken, LastError (to retry)",
            "changed: ClaimToken, NextAttemptAt, Attempts (claimed)",
            "changed: Status, DeliveredAt, ClaimToken, LastError (delivered)",
        ], trail);
        Assert.True((await new Safeguarding.Core.Platform.Audit.AuditTrail(check).VerifyAsync()).Intact);
    }

    [Theory, BothDatabases]
    public async Task A_failed_send_is_retried_after_doubling_delays_then_marked_failed_for_an_administrator_to_retry(DatabaseProvider provider)
    {
        await using var s = await EncompassScenario.CreateAsync(provider);
        var admin = await s.Data.CreateUserAsync(await s.Data.CreateOrganisationAsync(s.PartnershipId, OrganisationType.CouncilService), Role.PartnershipAdministrator);
        var message = await QueueOneAsync(s, maxAttempts: 4);
        var failing = new FlakyChannel(OutboxChannel.Email, failures: int.MaxValue);

        var waits = new List<Duration>();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await using var db = s.NewContext();
            var result = await s.Dispatcher(db, failing).DispatchDueAsync();
            Assert.Equal(1, result.Claimed);
            await using var check = s.NewContext();
            var stored = await check.OutboxMessages.SingleAsync(m => m.Id == message.Id);
            Assert.Equal(attempt, stored.Attempts);
            Assert.Equal("The connection to the mail server could not be made or was broken.", stored.LastError);
            if (attempt < 4)
            {
                Assert.Equal(OutboxStatus.Pending, stored.Status);
                waits.Add(stored.NextAttemptAt - s.Clock.GetCurrentInstant());
                // Not due before its time...
                await using (var early = s.NewContext()) Assert.Equal(0, (await s.Dispatcher(early, failing).DispatchDueAsync()).Claimed);
                s.Clock.AdvanceSeconds((long)waits[^1].TotalSeconds);
            }
            else
            {
                Assert.Equal(OutboxStatus.Failed, stored.Status);
            }
        }
        Assert.Equal([Duration.FromSeconds(30), Duration.FromSeconds(60), Duration.FromSeconds(120)], waits);
        s.Clock.AdvanceHours(24);
        await using (var db = s.NewContext()) Assert.Equal(0, (await s.Dispatcher(db, failing).DispatchDueAsync()).Claimed);

        await using (var db = s.NewContext())
        {
            var listed = await new Outbox(db).NeedingAttentionAsync(new ProcessContext("test", admin.Actor));
            Assert.Equal(message.Id, Assert.Single(listed).Id);
            Assert.True(await new Outbox(db).RetryAsync(message.Id, new ProcessContext("test", admin.Actor)));
        }
        var working = new FlakyChannel(OutboxChannel.Email, failures: 0);
        await using (var db = s.NewContext()) Assert.Equal(1, (await s.Dispatcher(db, working).DispatchDueAsync()).Delivered);
        Assert.Equal(message.Id, Assert.Single(working.Sent));
    }

    [Theory, BothDatabases]
    public async Task Mail_waits_while_the_smtp_server_is_down_and_goes_once_it_is_up(DatabaseProvider provider)
    {
        await using var s = await EncompassScenario.CreateAsync(provider);
        var smtp = await TestSmtpServer.SharedAsync();
        var message = await QueueOneAsync(s, to: s.KeyAdult.Email);
        var nothingListening = smtp.Settings with { Port = FreePort() };

        await using (var db = s.NewContext())
        await using (var down = new EmailChannel(nothingListening))
            Assert.Equal(1, (await s.Dispatcher(db, down).DispatchDueAsync()).Retrying);
        s.Clock.AdvanceSeconds(30);
        await using (var db = s.NewContext())
        await using (var up = new EmailChannel(smtp.Settings))
            Assert.Equal(1, (await s.Dispatcher(db, up).DispatchDueAsync()).Delivered);

        Assert.Single(await smtp.WaitForAsync([s.KeyAdult.Email], 1));
        await using var check = s.NewContext();
        var stored = await check.OutboxMessages.SingleAsync(m => m.Id == message.Id);
        Assert.Equal((OutboxStatus.Delivered, 2), (stored.Status, stored.Attempts));
    }

    [Theory, BothDatabases]
    public async Task A_failed_delivery_is_explained_in_words_never_as_an_exception_type(DatabaseProvider provider)
    {
        await using var s = await EncompassScenario.CreateAsync(provider);
        var smtp = await TestSmtpServer.SharedAsync();
        var message = await QueueOneAsync(s, to: s.KeyAdult.Email);

        await using (var db = s.NewContext())
        await using (var down = new EmailChannel(smtp.Settings with { Port = FreePort() }))
            await s.Dispatcher(db, down).DispatchDueAsync();

        await using var check = s.NewContext();
        var stored = await check.OutboxMessages.SingleAsync(m => m.Id == message.Id);
        Assert.Equal("The mail server refused the connection: it may be down, or its address or port may be wrong.", stored.LastError);
    }

    [Theory, BothDatabases]
    public async Task Dispatchers_running_at_once_never_send_a_message_twice(DatabaseProvider provider)
    {
        await using var s = await EncompassScenario.CreateAsync(provider);
        var ids = new List<Guid>();
        for (var i = 0; i < 120; i++) ids.Add((await QueueOneAsync(s)).Id);
        var channel = new FlakyChannel(OutboxChannel.Email, failures: 0);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            await using var db = s.NewContext();
            var dispatcher = new OutboxDispatcher(db, [channel], new OutboxOptions { BatchSize = 7 });
            await dispatcher.DispatchAllDueAsync();
        })));

        Assert.Equal(ids.Order(), channel.Sent.Order());
    }

    [Theory, BothDatabases]
    public async Task A_claim_left_by_a_dispatcher_that_died_is_taken_again_once_its_lease_runs_out(DatabaseProvider provider)
    {
        await using var s = await EncompassScenario.CreateAsync(provider);
        var message = await QueueOneAsync(s);
        // What a dispatcher killed mid-batch leaves: claimed, attempt counted, lease running.
        await using (var db = s.NewContext())
        {
            var lease = s.Clock.GetCurrentInstant() + new OutboxOptions().Lease;
            await db.OutboxMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(u => u
                .SetProperty(m => m.ClaimToken, Guid.NewGuid()).SetProperty(m => m.NextAttemptAt, lease).SetProperty(m => m.Attempts, 1));
        }
        var channel = new FlakyChannel(OutboxChannel.Email, failures: 0);

        await using (var db = s.NewContext()) Assert.Equal(0, (await s.Dispatcher(db, channel).DispatchDueAsync()).Claimed);
        s.Clock.AdvanceMinutes(2);
        await using (var db = s.NewContext()) Assert.Equal(1, (await s.Dispatcher(db, channel).DispatchDueAsync()).Delivered);
        Assert.Equal(message.Id, Assert.Single(channel.Sent));
    }

    [Theory, BothDatabases]
    public async Task A_settings_webhook_gets_the_notification_signed_with_its_secret(DatabaseProvider provider)
    {
        await using var s = await EncompassScenario.CreateAsync(provider);
        var secrets = TestSecrets.Ephemeral();
        var port = FreePort();
        const string secret = "a-secret-only-the-school-system-and-the-hub-know";
        await s.Data.CreateWebhookAsync(s.School, $"http://127.0.0.1:{port}/encompass", secrets.Protect(StoredSecret.WebhookSecret, secret));
        var notification = await s.ReadyNotificationAsync();

        var (body, (timestamp, signature, deliveryKey)) = await DeliverToWebhookAsync(s, port, secrets);

        Assert.Equal("sha256=" + WebhookChannel.Sign(secret, timestamp!, body), signature);
        Assert.NotEqual("sha256=" + WebhookChannel.Sign("another secret", timestamp!, body), signature);
        Assert.Equal(s.Clock.GetCurrentInstant().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), timestamp);
        Assert.Equal($"encompass/{notification.Id:N}/webhook", deliveryKey);
        using var json = System.Text.Json.JsonDocument.Parse(body);
        Assert.Equal(notification.Id, json.RootElement.GetProperty("notificationId").GetGuid());
        Assert.Equal(NotificationContentJson.Read(notification.Content).ChildGivenName, json.RootElement.GetProperty("content").GetProperty("childGivenName").GetString());
    }

    [Theory, BothDatabases]
    public async Task A_webhook_secret_is_stored_encrypted_when_set_and_renewed_and_never_in_the_clear(DatabaseProvider provider)
    {
        await using var s = await EncompassScenario.CreateAsync(provider);
        var secrets = TestSecrets.Ephemeral();
        var admin = await s.UserAsync(await s.OrganisationAsync(OrganisationType.CouncilService), Role.SystemAdministrator);
        var process = new ProcessContext("test:webhooks", admin.Actor);

        string first, renewed;
        await using (var db = s.NewContext())
            first = (await new WebhookSubscriptions(db, secrets).SetAsync(new SetWebhookOptions(s.School.Id, "https://cpoms.school.example/encompass"), process))!;
        var storedFirst = await StoredWebhookSecretAsync(s);
        await using (var db = s.NewContext())
            renewed = await new WebhookSubscriptions(db, secrets).RenewSecretAsync(s.School.Id, process);
        var storedRenewed = await StoredWebhookSecretAsync(s);

        foreach (var (shown, stored) in new[] { (first, storedFirst), (renewed, storedRenewed) })
        {
            Assert.StartsWith(SecretsAtRest.Prefix, stored);
            Assert.DoesNotContain(shown, stored, StringComparison.Ordinal);
            Assert.Equal(shown, secrets.Reveal(StoredSecret.WebhookSecret, stored));
        }
        // Keys other than the installation's open nothing.
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => TestSecrets.Ephemeral().Reveal(StoredSecret.WebhookSecret, storedRenewed));
    }

    [Theory, BothDatabases]
    public async Task A_webhook_secret_stored_in_the_clear_is_encrypted_by_the_migration_and_still_signs(DatabaseProvider provider)
    {
        await using var s = await EncompassScenario.CreateAsync(provider);
        var secrets = TestSecrets.Ephemeral();
        var port = FreePort();
        const string secret = "a-secret-set-before-secrets-were-encrypted";
        await s.Data.CreateWebhookAsync(s.School, $"http://127.0.0.1:{port}/encompass", secret);
        await s.ReadyNotificationAsync();

        await using (var db = s.NewContext())
            Assert.Equal(1, (await secrets.ProtectStoredInTheClearAsync(db)).WebhookSecrets);
        await using (var db = s.NewContext())
            Assert.Equal((0, 0), await secrets.ProtectStoredInTheClearAsync(db));
        var stored = await StoredWebhookSecretAsync(s);
        Assert.StartsWith(SecretsAtRest.Prefix, stored);
        Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);

        var (body, (timestamp, signature, _)) = await DeliverToWebhookAsync(s, port, secrets);
        Assert.Equal("sha256=" + WebhookChannel.Sign(secret, timestamp!, body), signature);
    }

    private static async Task<string> StoredWebhookSecretAsync(EncompassScenario s)
    {
        await using var db = s.NewContext();
        return (await db.WebhookSubscriptions.AsNoTracking().SingleAsync(w => w.OrganisationId == s.School.Id)).Secret;
    }

    /// <summary>Delivers the Ready notification and dispatches the outbox to a receiver on the port; what it received.</summary>
    private static async Task<(string Body, (string? Timestamp, string? Signature, string? DeliveryKey) Headers)> DeliverToWebhookAsync(
        EncompassScenario s, int port, SecretsAtRest secrets)
    {
        using var listener = new System.Net.HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        await using (var db = s.NewContext()) await s.Delivery(db).DeliverReadyAsync();

        var received = Task.Run(async () =>
        {
            var context = await listener.GetContextAsync();
            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            var headers = (context.Request.Headers[WebhookChannel.TimestampHeader], context.Request.Headers[WebhookChannel.SignatureHeader], context.Request.Headers[WebhookChannel.DeliveryHeader]);
            context.Response.StatusCode = 204;
            context.Response.Close();
            return (body, headers);
        });
        await using (var db = s.NewContext())
        {
            var channels = new IOutboxChannel[] { new WebhookChannel(db, new WebhookHttp(allowLoopbackForTests: true), secrets), new FlakyChannel(OutboxChannel.Email, 0) };
            Assert.Equal(3, (await s.Dispatcher(db, channels).DispatchDueAsync()).Delivered);
        }
        return await received.WaitAsync(TimeSpan.FromSeconds(20));
    }

    private static async Task<OutboxMessage> QueueOneAsync(EncompassScenario s, int maxAttempts = Outbox.DefaultMaxAttempts, string to = "nobody@test.example")
    {
        await using var db = s.NewContext();
        db.Process = ProcessContext.System("test:arrange");
        var message = new Outbox(db).QueueEmail(s.PartnershipId, to, new EmailContent("Test", "A test message."), $"test/{Guid.NewGuid():N}", "Test", null);
        message.MaxAttempts = maxAttempts;
        await db.SaveChangesAsync();
        return message;
    }

    private static int FreePort()
    {
        var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        var port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}
