using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Safeguarding.Core.Meetings;

/// <summary>
/// Calendar invitations (.ics) for a meeting. They carry the series name, time and place only, never who is on the
/// agenda: invitations travel by email and sit in calendars that other people can see.
/// </summary>
public static class MeetingInvitations
{
    public static string ToIcs(Meeting meeting, MeetingSeries series, string organiserEmail)
    {
        var calendar = new Calendar { Method = "REQUEST", ProductId = "-//Safeguarding Hub//Meetings//EN" };
        var invitation = new CalendarEvent
        {
            Uid = $"{meeting.Id:N}@safeguarding-hub",
            Summary = series.Name,
            Description = "Multi-agency meeting. The agenda is in Safeguarding Hub for invited attendees only.",
            Start = new CalDateTime(meeting.StartsAt.ToDateTimeUtc()),
            End = new CalDateTime(meeting.EndsAt.ToDateTimeUtc()),
            Location = series.Location,
            Organizer = new Organizer($"mailto:{organiserEmail}"),
            Status = meeting.Status == MeetingStatus.Cancelled ? "CANCELLED" : "CONFIRMED",
        };
        foreach (var a in meeting.Attendees.Where(a => a.RemovedAt == null && !string.IsNullOrEmpty(a.Email)))
            invitation.Attendees.Add(new Attendee($"mailto:{a.Email}") { CommonName = a.Name, Role = "REQ-PARTICIPANT", Rsvp = true });
        calendar.Events.Add(invitation);
        return new CalendarSerializer().SerializeToString(calendar)!;
    }
}
