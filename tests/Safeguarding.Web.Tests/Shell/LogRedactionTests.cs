using Safeguarding.Web.Hosting;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace Safeguarding.Web.Tests.Shell;

public sealed class LogRedactionTests
{
    private static string Log(Action<ILogger> write)
    {
        var output = new StringWriter();
        var sink = new TextWriterSink(output, new RedactingFormatter(new MessageTemplateTextFormatter("{Message:lj} {Properties:j}{NewLine}{Exception}")));
        using var logger = new LoggerConfiguration().Enrich.WithProperty("Context", "test").WriteTo.Sink(sink).CreateLogger();
        write(logger);
        return output.ToString();
    }

    [Fact]
    public void Nhs_numbers_upns_emails_and_postcodes_never_reach_the_log()
    {
        var text = Log(log => log.Information("Matched {NhsNumber} with {Upn} for {Email} at {Postcode}", "943 476 5870", "B801200005001", "parent@example.org", "LS9 7QX"));

        Assert.DoesNotContain("943 476 5870", text);
        Assert.DoesNotContain("B801200005001", text);
        Assert.DoesNotContain("parent@example.org", text);
        Assert.DoesNotContain("LS9 7QX", text);
        Assert.Contains(PersonalDataRedaction.Mask, text);
    }

    [Fact]
    public void Identifiers_inside_an_exception_message_are_redacted_too()
    {
        var text = Log(log => log.Error(new InvalidOperationException("No pupil with NHS number 9434765870"), "Import failed"));

        Assert.DoesNotContain("9434765870", text);
        Assert.Contains("Import failed", text);
    }

    [Theory]
    [InlineData("Request starting HTTP/1.1 GET https://localhost/fhir/Flag?patient.identifier=https%3A%2F%2Ffhir.nhs.uk%2FId%2Fnhs-number%7C9434765870 - - -")]
    [InlineData("Request starting HTTP/1.1 GET https://localhost/fhir/Flag?patient.identifier=https://fhir.nhs.uk/Id/nhs-number|9434765870 - - -")]
    [InlineData("Request starting HTTP/1.1 GET https://localhost/fhir/Flag?patient.identifier=https://fhir.nhs.uk/Id/nhs-number%7c9434765870")]
    public void An_nhs_number_in_a_fhir_search_url_is_redacted_however_it_is_encoded(string line)
    {
        var text = Log(log => log.Information("{Line}", line));

        Assert.DoesNotContain("9434765870", text);
        Assert.Contains("/fhir/Flag", text);
    }

    [Fact]
    public void Record_ids_and_times_stay_readable()
    {
        var id = Guid.Parse("0195f3c2-7d4e-7a8b-9c01-123456789012");
        var text = Log(log => log.Information("Opened {PersonId} at {At}", id, "2026-11-28T08:20:00Z"));

        Assert.Contains(id.ToString(), text);
        Assert.Contains("2026-11-28T08:20:00Z", text);
    }

    private sealed class TextWriterSink(TextWriter output, Serilog.Formatting.ITextFormatter formatter) : ILogEventSink
    {
        public void Emit(LogEvent logEvent) => formatter.Format(logEvent, output);
    }
}
