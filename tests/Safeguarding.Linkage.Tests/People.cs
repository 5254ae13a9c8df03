using Safeguarding.Linkage.Comparison;

namespace Safeguarding.Linkage.Tests;

/// <summary>Synthetic people for tests (all fictional).</summary>
internal static class People
{
    public static PreparedPerson P(string id, string? given = null, string? family = null, string? dob = null, string? sex = null,
        string? postcode = null, string? address = null, string? nhs = null, string? upn = null) =>
        PreparedPerson.From(new PersonRecord(id, given, family, dob, sex, postcode, address, nhs, upn));

    public static byte[] LevelsOf(PreparedPerson a, PreparedPerson b)
    {
        var levels = new byte[Comparison.Levels.FieldCount];
        Comparer.Compare(a, b, levels);
        return levels;
    }

    public static byte Level(PreparedPerson a, PreparedPerson b, LinkageField field) => LevelsOf(a, b)[(int)field];

    /// <summary>A small town: families at addresses, with a second, noisier copy of most people.</summary>
    public static (List<PersonRecord> Left, List<PersonRecord> Right) Town(int families, int seed)
    {
        string[] given = ["Oliver", "Amelia", "George", "Isla", "Harry", "Ava", "Noah", "Mia", "Jack", "Ivy", "Leo", "Freya", "Arthur", "Lily", "Muhammad", "Aisha", "Oscar", "Sophie", "Charlie", "Grace", "Thomas", "Emily", "Jacob", "Ella", "William", "Elizabeth", "Alexander", "Zainab", "Daniel", "Chloe"];
        string[] family = ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Khan", "Wood", "Jackson", "Clarke", "Hughes", "Ahmed", "Kowalski", "Okafor", "Nguyen", "O'Brien", "Murphy", "Campbell"];
        string[] street = ["High Street", "Station Road", "Church Lane", "Victoria Road", "Park Avenue", "Mill Lane", "Green Lane", "Manor Road"];
        var rng = new Random(seed);
        var left = new List<PersonRecord>();
        var right = new List<PersonRecord>();
        var n = 0;
        for (var f = 0; f < families; f++)
        {
            var surname = family[rng.Next(family.Length)];
            var postcode = $"LS{rng.Next(1, 30)} {rng.Next(1, 9)}{(char)('A' + rng.Next(26))}{(char)('A' + rng.Next(26))}";
            var address = $"{rng.Next(1, 200)} {street[rng.Next(street.Length)]}";
            var children = rng.Next(1, 4);
            for (var c = 0; c < children; c++)
            {
                var first = given[rng.Next(given.Length)];
                var dob = new DateOnly(2005 + rng.Next(15), rng.Next(1, 13), rng.Next(1, 29));
                var id = ++n;
                var person = new PersonRecord($"L{id}", first, surname, dob.ToString("yyyy-MM-dd"), rng.Next(2) == 0 ? "F" : "M", postcode, address);
                left.Add(person);
                if (rng.NextDouble() < 0.2) continue;
                var copy = person with { Id = $"R{id}" };
                switch (rng.Next(6))
                {
                    case 0: copy = copy with { GivenName = first[..^1] + "e" }; break;
                    case 1: copy = copy with { DateOfBirth = $"{dob.Year}-{dob.Day:00}-{dob.Month:00}" }; break;
                    case 2: copy = copy with { Postcode = null }; break;
                    case 3: copy = copy with { Address = address.Replace("Road", "Rd", StringComparison.Ordinal) }; break;
                }
                right.Add(copy);
            }
        }
        return (left, right);
    }
}
