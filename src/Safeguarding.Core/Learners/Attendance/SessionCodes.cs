namespace Safeguarding.Core.Learners.Attendance;

/// <summary>How a register mark counts in the DfE's absence statistics.</summary>
public enum SessionClass : byte
{
    /// <summary>No mark: the pupil was not on roll, or the school did not meet, or nothing has arrived yet.</summary>
    NoMark,
    Present,
    /// <summary>Approved educational activity (off-site education, work experience, sport): counts as attendance.</summary>
    ApprovedActivity,
    AuthorisedAbsence,
    UnauthorisedAbsence,
    /// <summary>Not a possible session: not counted at all (school closed to the pupil, dual registration elsewhere, not required).</summary>
    NotPossible,
}

/// <summary>
/// The register codes in force from 19 August 2024 (School Attendance (Pupil Registration) (England) Regulations 2024),
/// with legacy <c>H</c> (holiday authorised by the school) still read as authorised absence.
/// Each code is stored as one byte. The byte values are grouped by class, so that a scan can count a class by
/// comparing against a range instead of looking each byte up: 1-8 attend, 9-19 authorised, 20-23 unauthorised,
/// 24 and above not possible. The values are part of the stored format (ADR-010): never renumber them.
/// </summary>
public static class SessionCodes
{
    public const byte None = 0;
    public const byte FirstAttending = 1, LastAttending = 8;
    public const byte FirstPresent = 1, LastPresent = 3;
    public const byte FirstAuthorised = 9, LastAuthorised = 19;
    public const byte FirstUnauthorised = 20, LastUnauthorised = 23;
    public const byte FirstNotPossible = 24;

    private static readonly string[] ByByte =
    [
        "",
        "/", "\\", "L",                         // 1-3 present
        "K", "V", "P", "W", "B",                // 4-8 approved educational activity
        "C", "C1", "C2", "E", "I", "M", "J1", "R", "S", "T", "H", // 9-19 authorised
        "G", "N", "O", "U",                     // 20-23 unauthorised
        "D", "X", "Q", "Y1", "Y2", "Y3", "Y4", "Y5", "Y6", "Y7", "Z", "#", // 24-35 not possible
    ];

    private static readonly Dictionary<string, byte> ByCode = ByByte
        .Select((code, value) => (code, value)).Where(p => p.code.Length > 0)
        .ToDictionary(p => p.code, p => (byte)p.value, StringComparer.Ordinal);

    private static readonly Dictionary<string, byte>.AlternateLookup<ReadOnlySpan<char>> ByCodeSpan = ByCode.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Every code we accept, in stored order.</summary>
    public static IReadOnlyList<string> All { get; } = ByByte.Skip(1).ToArray();

    /// <summary>The stored byte for a register code (case as written in the regulations), or 0 when it is not a code.</summary>
    public static byte ToByte(ReadOnlySpan<char> code) => ByCodeSpan.TryGetValue(code, out var b) ? b : None;

    public static string ToCode(byte value) => value < ByByte.Length ? ByByte[value] : "?";

    public static bool IsCode(ReadOnlySpan<char> code) => ToByte(code) != None;

    public static SessionClass ClassOf(byte value) => value switch
    {
        None => SessionClass.NoMark,
        <= LastPresent => SessionClass.Present,
        <= LastAttending => SessionClass.ApprovedActivity,
        <= LastAuthorised => SessionClass.AuthorisedAbsence,
        <= LastUnauthorised => SessionClass.UnauthorisedAbsence,
        _ when value < ByByte.Length => SessionClass.NotPossible,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Not a stored session code."),
    };

    public static SessionClass ClassOf(string code) =>
        ToByte(code) is var b && b != None ? ClassOf(b) : throw new ArgumentException($"'{code}' is not a register code.", nameof(code));
}
