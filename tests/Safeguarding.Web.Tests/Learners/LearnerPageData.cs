using System.Net;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.Learners;
using Safeguarding.Core.Learners.Attendance;
using Safeguarding.Core.Learners.Registers;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Web.Tests.Learners;

/// <summary>What the learners page tests share: a year of attendance marks and a pupil's enrolment.</summary>
internal static class LearnerPageData
{
    internal static readonly AcademicYear Year = new(2024);

    internal static byte[] Marks(int present, int absent) =>
        [.. Enumerable.Repeat(SessionCodes.ToByte("/"), present), .. Enumerable.Repeat(SessionCodes.ToByte("N"), absent)];

    internal static Enrolment Enrolment(Guid partnershipId, Organisation school, string upn, byte[] sessions, Guid? personId = null, int year = 2024) => new()
    {
        PartnershipId = partnershipId, AcademicYear = year, Upn = upn, Urn = school.Urn!, PersonId = personId, DateOfBirth = new LocalDate(year - 9, 3, 1),
        Sex = "F", YearGroup = "4", SenProvision = "N", Sessions = sessions,
    };
}
