using System.Globalization;
using System.Text;
using Safeguarding.Linkage;

namespace Safeguarding.Benchmarks.Linkage;

/// <summary>
/// A synthetic population for the scale run: N people on the left; on the right, noisy copies of 60% of them (typos,
/// nicknames, swapped day and month, moves, missing fields) and new people. Deterministic for a given size. All fictional.
/// </summary>
public static class SyntheticPeople
{
    private static readonly string[] Given =
    [
        "Oliver", "George", "Noah", "Arthur", "Harry", "Leo", "Muhammad", "Jack", "Charlie", "Oscar", "Jacob", "Henry", "Thomas", "Freddie", "Alfie",
        "Theo", "William", "Theodore", "Archie", "Joshua", "Alexander", "James", "Isaac", "Edward", "Lucas", "Tommy", "Finley", "Max", "Logan", "Ethan",
        "Mohammed", "Teddy", "Benjamin", "Arlo", "Joseph", "Sebastian", "Harrison", "Elijah", "Adam", "Daniel", "Samuel", "Louie", "Mason", "Reuben",
        "Albie", "Rory", "Jaxon", "Hugo", "Luca", "Zachary", "Reggie", "Hunter", "Louis", "Dylan", "Albert", "David", "Jude", "Frankie", "Roman", "Ezra",
        "Olivia", "Amelia", "Isla", "Ava", "Ivy", "Freya", "Lily", "Florence", "Mia", "Willow", "Rosie", "Sophia", "Isabella", "Grace", "Daisy", "Sienna",
        "Poppy", "Elsie", "Emily", "Ella", "Evelyn", "Phoebe", "Sofia", "Evie", "Charlotte", "Harper", "Millie", "Matilda", "Maya", "Sophie", "Alice",
        "Emilia", "Isabelle", "Ruby", "Luna", "Maisie", "Aria", "Penelope", "Mila", "Bonnie", "Eva", "Hallie", "Eliza", "Ada", "Violet", "Esme", "Arabella",
        "Imogen", "Jessica", "Delilah", "Thea", "Elizabeth", "Chloe", "Lucy", "Aisha", "Fatima", "Zainab", "Maryam", "Hannah", "Sarah", "Rebecca",
        "Katherine", "Margaret", "Susan", "Patricia", "Deborah", "Jennifer", "Michael", "Christopher", "Robert", "Richard", "Stephen", "Andrew",
        "Matthew", "Anthony", "Peter", "Paul", "Mark", "John", "Ian", "Gary", "Kevin", "Wojciech", "Agnieszka", "Tomasz", "Oleksandr", "Priya", "Ravi",
        "Amir", "Yusuf", "Ibrahim", "Hassan", "Omar", "Ayesha", "Kwame", "Chidi", "Nia", "Siobhan", "Niamh", "Ciaran", "Eilidh", "Callum", "Rhys", "Dafydd",
    ];

    private static readonly string[] Nick =
    [
        "William:Bill", "William:Liam", "Elizabeth:Liz", "Elizabeth:Beth", "Alexander:Alex", "Alexander:Sasha", "Thomas:Tom", "Margaret:Peggy",
        "Katherine:Kate", "Robert:Bob", "Richard:Rich", "Michael:Mike", "Christopher:Chris", "Muhammad:Mohammed", "Samuel:Sam", "Daniel:Dan",
        "Rebecca:Becky", "Jennifer:Jenny", "Jessica:Jess", "Benjamin:Ben", "Joseph:Joe", "Edward:Ted", "Matilda:Tilly", "Isabella:Bella",
    ];

    private static readonly string[] Common =
    [
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Robinson", "Wright", "Thompson", "Evans", "Walker",
        "White", "Roberts", "Green", "Hall", "Thomas", "Clarke", "Jackson", "Wood", "Harris", "Edwards", "Turner", "Martin", "Cooper", "Hill", "Ward",
        "Hughes", "Moore", "Clark", "King", "Harrison", "Lewis", "Baker", "Lee", "Allen", "Morris", "Khan", "Scott", "Watson", "Davis", "Parker", "James",
        "Bennett", "Young", "Phillips", "Richardson", "Mitchell", "Bailey", "Carter", "Cook", "Singh", "Shaw", "Bell", "Collins", "Morgan", "Kelly", "Begum",
        "Miller", "Cox", "Hussain", "Marshall", "Simpson", "Price", "Anderson", "Adams", "Wilkinson", "Ali", "Ahmed", "Foster", "Ellis", "Murphy", "Chapman",
    ];

    private static readonly string[] Start = ["Ash", "Brad", "Carr", "Dun", "El", "Fair", "Gold", "Hart", "Ing", "Kirk", "Lang", "Mar", "North", "Ox", "Pen", "Rad", "Sher", "Thorn", "Up", "Wal", "Yar", "Bram", "Crom", "Dal", "Fen", "Glen", "Hol", "Kel", "Lin", "Mor", "Nor", "Ock", "Pres", "Ros", "Stan", "Tal", "Wex", "Whit", "Ald", "Brock", "Chal", "Dray", "Fitz", "Gris", "Hay", "Jer", "Kent", "Lock", "Mal", "Ned"];
    private static readonly string[] Middle = ["", "ing", "er", "en", "el", "a", "o", "i", "ley", "ham", "mer", "ow", "ber", "ri", "ver", "de", "li", "mon", "ter", "ston"];
    private static readonly string[] End = ["ton", "ford", "ley", "wood", "field", "by", "well", "combe", "worth", "stone", "ridge", "croft", "hurst", "wick", "more", "dale", "shaw", "gate", "ham", "son", "man", "berg", "ski", "ova", "ez", "elli", "sen", "quist", "ard", "ick"];
    private static readonly string[] Areas = ["LS", "M", "B", "L", "S", "BD", "HD", "HX", "WF", "YO", "HU", "DN", "NE", "SR", "DH", "TS", "DL", "HG", "LA", "PR", "BB", "BL", "OL", "SK", "WA", "WN", "CH", "CW", "ST", "DE", "NG", "LE", "CV", "WV", "WS", "DY", "TF", "SY", "HR", "WR", "GL", "BS", "BA", "TA", "EX", "PL", "TR", "TQ", "DT", "BH", "SO", "PO", "RG", "OX", "MK", "LU", "AL", "SG", "CB", "IP"];
    private static readonly string[] Streets = ["High", "Station", "Church", "Victoria", "Park", "Mill", "Green", "Manor", "Kings", "Queens", "London", "York", "Grange", "Springfield", "Highfield", "Albert", "Alexandra", "Windsor", "Chapel", "School", "North", "South", "Main", "New", "West", "Forest", "Woodlands", "Clarence", "Stanley", "Beech", "Oak", "Elm", "Willow", "Cedar", "Meadow", "Orchard", "Brook", "River", "Hill", "Bridge"];
    private static readonly string[] Kinds = ["Road", "Street", "Lane", "Avenue", "Close", "Drive", "Way", "Crescent", "Grove", "Terrace"];

    private sealed record Person(string Given, string Family, int Year, int Month, int Day, string Sex, string Postcode, string Address, string? Nhs);

    public static Dataset Write(string folder, int size)
    {
        var rng = new Random(1_000_003);
        var left = new Person[size];
        for (var i = 0; i < size; i++) left[i] = NewPerson(rng);
        var truthLeft = new Dictionary<string, string>(size);
        var truthRight = new Dictionary<string, string>(size);
        var leftPath = Path.Combine(folder, "synthetic-left.csv");
        var rightPath = Path.Combine(folder, "synthetic-right.csv");
        using (var w = new StreamWriter(leftPath, false, new UTF8Encoding(false), 1 << 20))
        {
            w.Write("id,given_name,family_name,date_of_birth,sex,postcode,address,nhs_number,upn\n");
            for (var i = 0; i < size; i++)
            {
                var id = $"L{i}";
                Write(w, id, left[i]);
                truthLeft[id] = i.ToString(CultureInfo.InvariantCulture);
            }
        }
        // The right file: a shuffled mixture of noisy copies (60%) and new people.
        var order = Enumerable.Range(0, size).ToArray();
        rng.Shuffle(order);
        using (var w = new StreamWriter(rightPath, false, new UTF8Encoding(false), 1 << 20))
        {
            w.Write("id,given_name,family_name,date_of_birth,sex,postcode,address,nhs_number,upn\n");
            for (var j = 0; j < size; j++)
            {
                var id = $"R{j}";
                var source = order[j];
                if (rng.NextDouble() < 0.6)
                {
                    Write(w, id, Noisy(left[source], rng));
                    truthRight[id] = source.ToString(CultureInfo.InvariantCulture);
                }
                else
                {
                    Write(w, id, NewPerson(rng));
                    truthRight[id] = "new-" + j.ToString(CultureInfo.InvariantCulture);
                }
            }
        }
        return new Dataset($"Synthetic {size:N0} x {size:N0}", leftPath, rightPath, truthLeft, truthRight);
    }

    private static Person NewPerson(Random rng)
    {
        var given = Given[(int)(Given.Length * Math.Pow(rng.NextDouble(), 1.25))];
        // Roughly the UK's spread: the commonest surname about 1%, the commonest given name about 2%.
        var family = rng.NextDouble() < 0.35
            ? Common[(int)(Common.Length * Math.Pow(rng.NextDouble(), 1.2))]
            : Start[rng.Next(Start.Length)] + Middle[rng.Next(Middle.Length)] + End[rng.Next(End.Length)];
        var postcode = $"{Areas[rng.Next(Areas.Length)]}{rng.Next(1, 40)} {rng.Next(10)}{(char)('A' + rng.Next(26))}{(char)('A' + rng.Next(26))}";
        var address = $"{rng.Next(1, 300)} {Streets[rng.Next(Streets.Length)]} {Kinds[rng.Next(Kinds.Length)]}";
        string? nhs = null;
        if (rng.NextDouble() < 0.5)
            while (nhs is null)
            {
                var nine = rng.NextInt64(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture);
                if (NhsNumberCheck.CheckDigit(nine) is { } check) nhs = nine + (char)('0' + check);
            }
        return new Person(given, family, rng.Next(1930, 2024), rng.Next(1, 13), rng.Next(1, 29), rng.Next(2) == 0 ? "F" : "M", postcode, address, nhs);
    }

    private static Person Noisy(Person p, Random rng)
    {
        var r = rng.NextDouble();
        if (r < 0.08) p = p with { Given = Typo(p.Given, rng) };
        else if (r < 0.11)
        {
            var nick = Nick.FirstOrDefault(n => n.StartsWith(p.Given + ":", StringComparison.Ordinal));
            if (nick is not null) p = p with { Given = nick[(nick.IndexOf(':') + 1)..] };
        }
        if (rng.NextDouble() < 0.08) p = p with { Family = Typo(p.Family, rng) };
        var d = rng.NextDouble();
        if (d < 0.02 && p.Day <= 12) p = p with { Day = p.Month, Month = p.Day };
        else if (d < 0.05) p = p with { Day = Math.Clamp(p.Day + rng.Next(-1, 2) * 10 + rng.Next(-1, 2), 1, 28) };
        else if (d < 0.07) p = p with { Year = p.Year + (rng.Next(2) == 0 ? -1 : 1) };
        if (rng.NextDouble() < 0.10)
        {
            var moved = NewPerson(rng);
            p = p with { Postcode = moved.Postcode, Address = moved.Address };
        }
        else if (rng.NextDouble() < 0.05) p = p with { Postcode = Typo(p.Postcode, rng) };
        if (rng.NextDouble() < 0.05) p = p with { Postcode = "" };
        if (rng.NextDouble() < 0.05) p = p with { Address = "" };
        if (rng.NextDouble() < 0.03) p = p with { Year = 0 };
        if (rng.NextDouble() < 0.3) p = p with { Nhs = null };
        return p;
    }

    private static string Typo(string s, Random rng)
    {
        if (s.Length < 3) return s;
        var chars = s.ToCharArray();
        var i = rng.Next(1, chars.Length - 1);
        switch (rng.Next(3))
        {
            case 0: chars[i] = (char)('a' + rng.Next(26)); break;
            case 1: (chars[i], chars[i - 1]) = (chars[i - 1], chars[i]); break;
            default: return s.Remove(i, 1);
        }
        return new string(chars);
    }

    private static void Write(StreamWriter w, string id, Person p)
    {
        w.Write(id);
        w.Write(',');
        w.Write(p.Given);
        w.Write(',');
        w.Write(p.Family);
        w.Write(',');
        w.Write(string.Create(CultureInfo.InvariantCulture, $"{p.Year:0000}-{p.Month:00}-{p.Day:00}"));
        w.Write(',');
        w.Write(p.Sex);
        w.Write(',');
        w.Write(p.Postcode);
        w.Write(',');
        w.Write(p.Address);
        w.Write(',');
        w.Write(p.Nhs);
        w.Write(",\n");
    }
}
