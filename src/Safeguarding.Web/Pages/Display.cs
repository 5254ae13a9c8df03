using NodaTime;
using NodaTime.Text;

namespace Safeguarding.Web.Pages;

/// <summary>Times are stored as UTC instants and shown in UK time, with the clock change handled.</summary>
public static class Display
{
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];
    private static readonly ZonedDateTimePattern Pattern = ZonedDateTimePattern.CreateWithInvariantCulture("d MMMM uuuu 'at' HH:mm", null);
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.CreateWithInvariantCulture("d MMMM uuuu");

    public static string Time(Instant instant) => Pattern.Format(instant.InZone(London));

    public static string Date(LocalDate? date) => date is { } d ? DatePattern.Format(d) : "Not known";

    /// <summary>
    /// The system an agency's record came from, in the users' words: the product's own feeds have internal names
    /// ("police-encompass"); an agency's own system (SIMS, EMIS, Mosaic) is shown as the agency calls it.
    /// </summary>
    public static string SourceSystem(string system) => system switch
    {
        "police-encompass" => "police incident reports",
        "Niche-feed" => "police records system",
        "council-education" => "council education registers",
        _ => system,
    };
}
