using NodaTime;

namespace Safeguarding.Core.Platform.Calendars;

/// <summary>
/// A published school calendar. The council's default (no organisation) is what settings inherit; a setting's own
/// calendar replaces the default's terms when it has any, adds its closure (INSET) days, and may move the day start.
/// </summary>
public sealed class SchoolCalendar
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    /// <summary>The school or college whose calendar this is; null for the council's default calendar.</summary>
    public Guid? OrganisationId { get; set; }
    /// <summary>When the school day starts; null inherits the default calendar's (08:30 when that has none).</summary>
    public LocalTime? DayStart { get; set; }
    public Instant UpdatedAt { get; set; }
    public List<SchoolTerm> Terms { get; set; } = [];
    public List<SchoolClosure> Closures { get; set; } = [];
}

public sealed class SchoolTerm
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CalendarId { get; set; }
    /// <summary>First day of the term (inclusive).</summary>
    public LocalDate Start { get; set; }
    /// <summary>Last day of the term (inclusive).</summary>
    public LocalDate End { get; set; }
}

/// <summary>A day inside a term when the setting is closed to pupils (INSET, an election, a closure).</summary>
public sealed class SchoolClosure
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CalendarId { get; set; }
    public LocalDate Date { get; set; }
    public string? Reason { get; set; }
}
