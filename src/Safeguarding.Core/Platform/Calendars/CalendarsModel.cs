using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;
using NodaTime.Text;
using Safeguarding.Core.Platform.Organisations;

namespace Safeguarding.Core.Platform.Calendars;

// School calendars, tables prefixed "calendar_".

internal sealed class SchoolCalendarMapping : IEntityTypeConfiguration<SchoolCalendar>
{
    // A time of day as HH:mm text on both providers: the same column whatever the database.
    private static readonly ValueConverter<LocalTime, string> TimeAsText = new(
        t => LocalTimePattern.CreateWithInvariantCulture("HH':'mm").Format(t),
        s => LocalTimePattern.CreateWithInvariantCulture("HH':'mm").Parse(s).GetValueOrThrow());

    public void Configure(EntityTypeBuilder<SchoolCalendar> b)
    {
        b.ToTable("calendar_school_calendars");
        b.Property(c => c.DayStart).HasConversion(TimeAsText).HasMaxLength(5);
        b.HasOne<Partnership>().WithMany().HasForeignKey(c => c.PartnershipId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId);
        b.HasIndex(c => new { c.PartnershipId, c.OrganisationId }).IsUnique();
        b.HasMany(c => c.Terms).WithOne().HasForeignKey(t => t.CalendarId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Closures).WithOne().HasForeignKey(t => t.CalendarId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SchoolTermMapping : IEntityTypeConfiguration<SchoolTerm>
{
    public void Configure(EntityTypeBuilder<SchoolTerm> b)
    {
        b.ToTable("calendar_terms");
        b.HasIndex(t => new { t.CalendarId, t.Start });
    }
}

internal sealed class SchoolClosureMapping : IEntityTypeConfiguration<SchoolClosure>
{
    public void Configure(EntityTypeBuilder<SchoolClosure> b)
    {
        b.ToTable("calendar_closures");
        b.Property(c => c.Reason).HasMaxLength(200);
        b.HasIndex(c => new { c.CalendarId, c.Date }).IsUnique();
    }
}
