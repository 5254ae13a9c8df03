namespace Safeguarding.Core.Demo;

/// <summary>
/// A demo child's self-defined ethnicity as the police record it, the same for every record about them: roughly the
/// 2021 census's mix for children in a large northern city (about seven in ten White, one in eight Asian, then Mixed,
/// Black and other groups, a few not stated). Synthetic: drawn from the child's id, not from their name.
/// </summary>
internal static class DemoEthnicity
{
    private static readonly (string Code, int Share)[] Mix =
    [
        ("W1", 640), ("W2", 10), ("W3", 10), ("W4", 10), ("W9", 30), ("A1", 30), ("A2", 70), ("A3", 10), ("A4", 10), ("A9", 10),
        ("M1", 30), ("M2", 10), ("M3", 20), ("M9", 10), ("B1", 10), ("B2", 40), ("B9", 10), ("O1", 10), ("O9", 10), ("NS", 20),
    ];

    public static string Of(Guid personId)
    {
        var roll = (int)((uint)personId.GetHashCode() % (uint)Mix.Sum(m => m.Share));
        foreach (var (code, share) in Mix)
        {
            if (roll < share) return code;
            roll -= share;
        }
        return "NS";
    }
}
