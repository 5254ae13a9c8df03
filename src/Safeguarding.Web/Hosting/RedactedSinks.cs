using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;
using Serilog.Parsing;

namespace Safeguarding.Web.Hosting;

/// <summary>
/// Sinks named in configuration ("Serilog:WriteTo", a file for instance) are not given the events as logged: they
/// sit behind a sink that redacts each event first (<see cref="PersonalDataRedaction"/>), its message, its properties
/// and its exception, so a file or a log service receives what the console shows, whatever formatter it uses.
/// </summary>
public static class RedactedSinks
{
    private const string WriteTo = "Serilog:WriteTo";

    /// <summary>Minimum levels, enrichers and filters from "Serilog"; its sinks behind the redaction.</summary>
    public static LoggerConfiguration ReadRedactedFromConfiguration(this LoggerConfiguration log, IConfiguration config)
    {
        var serilog = config.AsEnumerable().Where(e => e.Key.StartsWith("Serilog", StringComparison.OrdinalIgnoreCase)).ToList();
        // Leaves only: a section's own entry (an empty value) would read as a sink with no name.
        var all = serilog.Where(e => !serilog.Any(o => o.Key.StartsWith(e.Key + ":", StringComparison.OrdinalIgnoreCase))).ToList();
        bool IsSink(string key) => key.StartsWith(WriteTo, StringComparison.OrdinalIgnoreCase) || key.StartsWith("Serilog:Using", StringComparison.OrdinalIgnoreCase);
        var rest = new ConfigurationBuilder().AddInMemoryCollection(all.Where(e => !IsSink(e.Key))).Build();
        log.ReadFrom.Configuration(rest);
        if (!all.Any(e => e.Key.StartsWith(WriteTo, StringComparison.OrdinalIgnoreCase))) return log;

        var sinksOnly = new ConfigurationBuilder().AddInMemoryCollection(all.Where(e => IsSink(e.Key))).Build();
        var sinks = new LoggerConfiguration().MinimumLevel.Verbose().ReadFrom.Configuration(sinksOnly).CreateLogger();
        return log.WriteTo.Sink(new RedactingSink(sinks));
    }

    private sealed class RedactingSink(Logger inner) : ILogEventSink, IDisposable
    {
        private static readonly MessageTemplateTextFormatter Message = new("{Message:lj}", System.Globalization.CultureInfo.InvariantCulture);

        public void Emit(LogEvent logEvent)
        {
            // Rendered as the console renders it (strings without quotes), then redacted.
            using var rendered = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            Message.Format(logEvent, rendered);
            var message = PersonalDataRedaction.Redact(rendered.ToString());
            inner.Write(new LogEvent(logEvent.Timestamp, logEvent.Level,
                logEvent.Exception is null ? null : new RedactedException(logEvent.Exception),
                new MessageTemplate([new TextToken(message)]),
                logEvent.Properties.Select(p => new LogEventProperty(p.Key, Redact(p.Value)))));
        }

        private static LogEventPropertyValue Redact(LogEventPropertyValue value) => value switch
        {
            ScalarValue { Value: string text } => new ScalarValue(PersonalDataRedaction.Redact(text)),
            // A number can be an NHS number too: redacted as text only when it holds one, otherwise kept as it is.
            ScalarValue { Value: not null } scalar when PersonalDataRedaction.Redact(scalar.ToString()) is var text && text != scalar.ToString() => new ScalarValue(text),
            SequenceValue sequence => new SequenceValue(sequence.Elements.Select(Redact)),
            StructureValue structure => new StructureValue(structure.Properties.Select(p => new LogEventProperty(p.Name, Redact(p.Value))), structure.TypeTag),
            DictionaryValue dictionary => new DictionaryValue(dictionary.Elements.Select(e =>
                new KeyValuePair<ScalarValue, LogEventPropertyValue>((ScalarValue)Redact(e.Key), Redact(e.Value)))),
            _ => value,
        };

        public void Dispose() => inner.Dispose();
    }

    /// <summary>An exception as a sink prints it (type, message, stack), redacted.</summary>
    private sealed class RedactedException(Exception original) : Exception(PersonalDataRedaction.Redact(original.Message))
    {
        private readonly string _text = PersonalDataRedaction.Redact(original.ToString());

        public override string ToString() => _text;
    }
}
