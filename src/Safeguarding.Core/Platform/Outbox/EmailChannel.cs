using System.Text.Json;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Safeguarding.Core.Platform.Outbox;

/// <summary>The partnership's SMTP relay ("Safeguarding:Smtp" in configuration).</summary>
public sealed record SmtpSettings
{
    public string Host { get; init; } = "localhost";
    public int Port { get; init; } = 25;
    /// <summary>None, StartTls, StartTlsWhenAvailable or SslOnConnect; production relays use StartTls or SslOnConnect.</summary>
    public SecureSocketOptions Security { get; init; } = SecureSocketOptions.StartTlsWhenAvailable;
    public string? Username { get; init; }
    public string? Password { get; init; }
    public string FromAddress { get; init; } = "safeguarding-hub@localhost";
    public string FromName { get; init; } = "Safeguarding Hub";
    /// <summary>The domain in each Message-ID, so that a mail server or client recognises a copy resent after a crash.</summary>
    public string MessageIdDomain { get; init; } = "safeguarding-hub.local";
}

/// <summary>
/// Sends outbox emails with MailKit over one SMTP connection kept for the dispatcher's run. The Message-ID comes
/// from the outbox message, so a resend after a crash carries the same one.
/// </summary>
public sealed class EmailChannel(SmtpSettings settings) : IOutboxChannel, IAsyncDisposable
{
    private SmtpClient? _client;

    public OutboxChannel Channel => OutboxChannel.Email;

    public static string MessageIdFor(OutboxMessage message, string domain) => $"{message.Id:N}@{domain}";

    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        var content = JsonSerializer.Deserialize<EmailContent>(message.Payload)
            ?? throw new InvalidOperationException("The email has no content.");
        var mime = new MimeMessage
        {
            MessageId = MessageIdFor(message, settings.MessageIdDomain),
            Subject = content.Subject,
            Body = new TextPart("plain") { Text = content.Text },
        };
        mime.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        mime.To.Add(MailboxAddress.Parse(message.Destination));

        var client = await ConnectedAsync(ct);
        try
        {
            await client.SendAsync(mime, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A broken connection is not reused for the next message.
            await DropAsync();
            throw;
        }
    }

    private async Task<SmtpClient> ConnectedAsync(CancellationToken ct)
    {
        if (_client is { IsConnected: true }) return _client;
        await DropAsync();
        var client = new SmtpClient { Timeout = 30_000 };
        try
        {
            await client.ConnectAsync(settings.Host, settings.Port, settings.Security, ct);
            if (!string.IsNullOrEmpty(settings.Username))
                await client.AuthenticateAsync(settings.Username, settings.Password ?? "", ct);
        }
        catch
        {
            client.Dispose();
            throw;
        }
        _client = client;
        return client;
    }

    private async Task DropAsync()
    {
        if (_client is null) return;
        try
        {
            if (_client.IsConnected) await _client.DisconnectAsync(true);
        }
        catch (Exception e) when (e is IOException or ProtocolException or ServiceNotConnectedException or CommandException) { }
        _client.Dispose();
        _client = null;
    }

    public async ValueTask DisposeAsync() => await DropAsync();
}
