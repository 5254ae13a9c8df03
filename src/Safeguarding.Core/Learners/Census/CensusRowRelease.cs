using Safeguarding.Core.Learners.Attendance;

namespace Safeguarding.Core.Learners.Census;

/// <summary>A census headcount row waiting in the quarantine, released through the import's own checks.</summary>
public sealed class CensusRowRelease(AttendanceImport import) : AttendanceRelease(import)
{
    public override string Kind => AttendanceImport.CensusKind;
}
