using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace Safeguarding.Core.Platform.Outbox;

/// <summary>
/// Why a delivery failed, in the words an administrator reads on the deliveries page ("The mail server refused the
/// connection"), never an exception's type name; the technical text goes to the application log.
/// </summary>
public static class DeliveryProblems
{
    public static string InWords(Exception error)
    {
        // Our own exceptions already speak the users' words, and name no host, address or child.
        for (var e = error; e is not null; e = e.InnerException)
            if (e is WebhookAddressRefusedException or WebhookDeliveryException) return e.Message;
        return error switch
        {
            HttpRequestException { HttpRequestError: HttpRequestError.Unknown } or InvalidOperationException => error.Message,
            SocketException { SocketErrorCode: SocketError.ConnectionRefused } =>
                "The mail server refused the connection: it may be down, or its address or port may be wrong.",
            SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData } =>
                "The mail server's name could not be found.",
            SocketException { SocketErrorCode: SocketError.TimedOut } or TimeoutException or OperationCanceledException =>
                "The mail server did not answer in time.",
            SslHandshakeException => "A secure connection to the mail server could not be made.",
            AuthenticationException => "The mail server refused the hub's sign-in.",
            SmtpCommandException command => $"The mail server refused the message (its answer was {(int)command.StatusCode}).",
            SmtpProtocolException => "The mail server answered in a way the hub did not understand.",
            SocketException or IOException => "The connection to the mail server could not be made or was broken.",
            _ => "The delivery failed for a reason the hub does not recognise; the application log has the details.",
        };
    }
}
