using System.Text.RegularExpressions;
using Serilog.Events;
using Serilog.Formatting;

namespace Safeguarding.Web.Hosting;

/// <summary>
/// Last line of defence for logs: whatever a log line says, identifiers that point at a person (NHS
/// numbers, UPNs, email addresses, postcodes) are replaced before it leaves the process. Names cannot
/// be recognised this way, so code never logs them; search terms travel in POST bodies, never URLs.
/// </summary>
public static partial class PersonalDataRedaction
{
    public const string Mask = "[redacted]";

    [GeneratedRegex(@"\b\d{3}[ -]?\d{3}[ -]?\d{4}\b")]
    private static partial Regex NhsNumber();

    // A FHIR search (patient.identifier=system|number) URL-encodes the bar as %7C, which joins the number to a word.
    [GeneratedRegex(@"(?<=%7C)\d{10}(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex EncodedNhsNumber();

    [GeneratedRegex(@"\b[A-HJ-NP-RT-Z]\d{11}[0-9A-Z]\b")]
    private static partial Regex Upn();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    [GeneratedRegex(@"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", RegexOptions.IgnoreCase)]
    private static partial Regex Postcode();

    public static string Redact(string text)
    {
        text = Email().Replace(text, Mask);
        text = Upn().Replace(text, Mask);
        text = EncodedNhsNumber().Replace(text, Mask);
        text = NhsNumber().Replace(text, Mask);
        return Postcode().Replace(text, Mask);
    }
}

/// <summary>Formats with the inner formatter, then redacts the whole rendered line.</summary>
public sealed class RedactingFormatter(ITextFormatter inner) : ITextFormatter
{
    public void Format(LogEvent logEvent, TextWriter output)
    {
        using var buffer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        inner.Format(logEvent, buffer);
        output.Write(PersonalDataRedaction.Redact(buffer.ToString()));
    }
}
