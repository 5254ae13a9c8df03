using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;
using NodaTime.Text;

namespace Safeguarding.Core.Data;

/// <summary>Instant as Unix ticks (100 ns) for SQLite, which has no timestamp type but orders integers.</summary>
public sealed class InstantTicksConverter() : ValueConverter<Instant, long>(
    i => i.ToUnixTimeTicks(),
    t => Instant.FromUnixTimeTicks(t));

/// <summary>LocalDate as yyyy-MM-dd for SQLite: ISO text sorts in date order.</summary>
public sealed class LocalDateIsoConverter() : ValueConverter<LocalDate, string>(
    d => LocalDatePattern.Iso.Format(d),
    s => LocalDatePattern.Iso.Parse(s).GetValueOrThrow());

/// <summary>LocalTime as HH:mm:ss for SQLite: text that sorts in time order.</summary>
public sealed class LocalTimeIsoConverter() : ValueConverter<LocalTime, string>(
    t => LocalTimePattern.ExtendedIso.Format(t),
    s => LocalTimePattern.ExtendedIso.Parse(s).GetValueOrThrow());
