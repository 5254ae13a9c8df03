namespace Safeguarding.Web.Tests.Fhir;

/// <summary>Valid NHS numbers in the 999 range NHS England keeps for testing, each test class from its own seed.</summary>
internal static class TestNhsNumbers
{
    /// <summary>The next valid NHS number after <paramref name="seed"/> (the index is shared by every test on the host).</summary>
    public static string Next(ref int seed)
    {
        while (true)
        {
            var nine = Interlocked.Increment(ref seed).ToString(System.Globalization.CultureInfo.InvariantCulture)[..9];
            var check = 11 - nine.Select((c, i) => (c - '0') * (10 - i)).Sum() % 11;
            if (check == 10) continue;
            return nine + (check == 11 ? 0 : check);
        }
    }
}
