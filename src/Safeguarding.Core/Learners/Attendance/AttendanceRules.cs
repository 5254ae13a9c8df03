using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using NodaTime;

namespace Safeguarding.Core.Learners.Attendance;

/// <summary>One enrolment's sessions in a year, counted the DfE's way.</summary>
public readonly record struct SessionCounts(int Present, int Authorised, int Unauthorised)
{
    /// <summary>Present includes approved educational activity.</summary>
    public int Possible => Present + Authorised + Unauthorised;
    public int Absent => Authorised + Unauthorised;

    /// <summary>Absent for 10% or more of possible sessions, compared exactly in integers (no rounding first).</summary>
    public bool IsPersistentAbsentee => Possible > 0 && 10L * Absent >= Possible;

    /// <summary>Absent for 50% or more of possible sessions (a subset of persistent absence).</summary>
    public bool IsSevereAbsentee => Possible > 0 && 2L * Absent >= Possible;
}

/// <summary>
/// The DfE's pupil absence methodology (explore-education-statistics.service.gov.uk, "Pupil absence statistics:
/// methodology"; school census guide for the summer term collection), as code:
/// <list type="bullet">
/// <item>counting is per enrolment (a pupil at each school they attended);</item>
/// <item>only pupils of compulsory school age count: 5 to 15 on 31 August before the year;</item>
/// <item>pupils aged 15 on that date (normally year 11) count only up to the end of the first half of the summer
/// term: the sixth half term is not collected for them, as many leave after their exams. A 15-year-old who joined a
/// school only in the sixth half term therefore has no possible session there and is dropped;</item>
/// <item>an enrolment with no possible session is dropped.</item>
/// </list>
/// </summary>
public static class AttendanceRules
{
    public static int AgeOn(LocalDate dateOfBirth, LocalDate on)
    {
        var age = on.Year - dateOfBirth.Year;
        if (on.Month < dateOfBirth.Month || (on.Month == dateOfBirth.Month && on.Day < dateOfBirth.Day)) age--;
        return age;
    }

    /// <summary>Age on 31 August before the year, which fixes both scope and the summer term rule.</summary>
    public static int AgeAtStartOf(AcademicYear year, LocalDate dateOfBirth) => AgeOn(dateOfBirth, year.AgeDate);

    public static bool IsCompulsorySchoolAge(AcademicYear year, LocalDate dateOfBirth) =>
        AgeAtStartOf(year, dateOfBirth) is >= 5 and <= 15;

    /// <summary>The number of sessions at the start of the vector that count for a pupil of this age.</summary>
    /// <param name="sixthHalfTermStarts">The first session of the school's own sixth half term, when its calendar gives one; otherwise the year's default.</param>
    public static int CountedSessions(AcademicYear year, int ageAtStart, int? sixthHalfTermStarts = null) =>
        ageAtStart == 15 ? sixthHalfTermStarts ?? year.FirstSessionOnOrAfter(year.SummerSecondHalfStarts) : year.MaxSessions;

    /// <summary>Counts the sessions in <paramref name="sessions"/> up to (not including) <paramref name="limit"/>.</summary>
    public static SessionCounts Count(ReadOnlySpan<byte> sessions, int limit = int.MaxValue)
    {
        if (sessions.Length > limit) sessions = sessions[..limit];
        int present = 0, authorised = 0, unauthorised = 0;
        var i = 0;
        if (Vector256.IsHardwareAccelerated && sessions.Length >= Vector256<byte>.Count)
        {
            // Codes are grouped by class into byte ranges: (b - first) <= (last - first), unsigned, tests membership.
            var attendFirst = Vector256.Create(SessionCodes.FirstAttending);
            var attendSpan = Vector256.Create((byte)(SessionCodes.LastAttending - SessionCodes.FirstAttending));
            var authFirst = Vector256.Create(SessionCodes.FirstAuthorised);
            var authSpan = Vector256.Create((byte)(SessionCodes.LastAuthorised - SessionCodes.FirstAuthorised));
            var unauthFirst = Vector256.Create(SessionCodes.FirstUnauthorised);
            var unauthSpan = Vector256.Create((byte)(SessionCodes.LastUnauthorised - SessionCodes.FirstUnauthorised));
            ref var start = ref MemoryMarshal.GetReference(sessions);
            for (; i <= sessions.Length - Vector256<byte>.Count; i += Vector256<byte>.Count)
            {
                var v = Vector256.LoadUnsafe(ref start, (nuint)i);
                present += BitOperations.PopCount(Vector256.LessThanOrEqual(v - attendFirst, attendSpan).ExtractMostSignificantBits());
                authorised += BitOperations.PopCount(Vector256.LessThanOrEqual(v - authFirst, authSpan).ExtractMostSignificantBits());
                unauthorised += BitOperations.PopCount(Vector256.LessThanOrEqual(v - unauthFirst, unauthSpan).ExtractMostSignificantBits());
            }
        }
        for (; i < sessions.Length; i++)
        {
            var b = sessions[i];
            if ((byte)(b - SessionCodes.FirstAttending) <= SessionCodes.LastAttending - SessionCodes.FirstAttending) present++;
            else if ((byte)(b - SessionCodes.FirstAuthorised) <= SessionCodes.LastAuthorised - SessionCodes.FirstAuthorised) authorised++;
            else if ((byte)(b - SessionCodes.FirstUnauthorised) <= SessionCodes.LastUnauthorised - SessionCodes.FirstUnauthorised) unauthorised++;
        }
        return new SessionCounts(present, authorised, unauthorised);
    }

    /// <summary>The enrolment's counts under the methodology, or null when it is out of scope or has no possible session.</summary>
    public static SessionCounts? Measure(AcademicYear year, LocalDate dateOfBirth, ReadOnlySpan<byte> sessions, int? sixthHalfTermStarts = null)
    {
        var age = AgeAtStartOf(year, dateOfBirth);
        if (age is < 5 or > 15) return null;
        var counts = Count(sessions, CountedSessions(year, age, sixthHalfTermStarts));
        return counts.Possible == 0 ? null : counts;
    }
}
