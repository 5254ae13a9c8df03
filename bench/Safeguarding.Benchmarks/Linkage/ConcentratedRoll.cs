using System.Globalization;
using System.Text;
using Safeguarding.Linkage;

namespace Safeguarding.Benchmarks.Linkage;

/// <summary>
/// A school roll and police records of children in one city, with names as concentrated as real school rolls (issue 19):
/// a few hundred given names and surnames, Zipf-like, make up most children, so at a million many children share a name
/// and a birth year. Families live at one address; 1.5% of births are twins, who share everything but the given name
/// (a third of twin pairs have names with the same first letter). The police file holds 80% roll children (with
/// nicknames, transliterations, day and month swapped, typos, changed or hyphenated surnames, moves, missing or invalid
/// identifiers) and 20% children on no roll, some of them brothers and sisters of roll children. Seeded and
/// deterministic; the truth goes to the harness only, never into the files. All fictional.
/// </summary>
public static class ConcentratedRoll
{
    private static readonly string[] Boys =
    [
        "Muhammad", "Oliver", "Noah", "George", "Leo", "Arthur", "Oscar", "Harry", "Jack", "Charlie", "Freddie", "Theo", "Henry", "Jacob", "Thomas",
        "Alfie", "William", "Archie", "Joshua", "Alexander", "James", "Isaac", "Edward", "Lucas", "Tommy", "Finley", "Max", "Logan", "Ethan", "Teddy",
        "Benjamin", "Arlo", "Joseph", "Sebastian", "Harrison", "Elijah", "Adam", "Daniel", "Samuel", "Louie", "Mason", "Reuben", "Albie", "Rory",
        "Jaxon", "Hugo", "Luca", "Zachary", "Reggie", "Hunter", "Louis", "Dylan", "Albert", "David", "Jude", "Frankie", "Roman", "Ezra", "Toby",
        "Riley", "Carter", "Ronnie", "Frederick", "Gabriel", "Stanley", "Bobby", "Jesse", "Michael", "Elliot", "Grayson", "Mohammed", "Yusuf",
        "Ibrahim", "Ali", "Omar", "Ayaan", "Zayn", "Hamza", "Musa", "Ahmed", "Rayan", "Aarav", "Krish", "Arjun", "Kacper", "Jakub", "Szymon",
        "Oliwer", "Kai", "Tyler", "Kyle", "Nathan", "Ryan", "Callum", "Connor", "Liam", "Matthew", "Christopher", "Robert", "Richard", "Nicholas",
    ];

    private static readonly string[] Girls =
    [
        "Olivia", "Amelia", "Isla", "Ava", "Ivy", "Freya", "Lily", "Florence", "Mia", "Willow", "Rosie", "Sophia", "Isabella", "Grace", "Daisy",
        "Sienna", "Poppy", "Elsie", "Emily", "Ella", "Evelyn", "Phoebe", "Sofia", "Evie", "Charlotte", "Harper", "Millie", "Matilda", "Maya",
        "Sophie", "Alice", "Emilia", "Isabelle", "Ruby", "Luna", "Maisie", "Aria", "Penelope", "Mila", "Bonnie", "Eva", "Hallie", "Eliza", "Ada",
        "Violet", "Esme", "Arabella", "Imogen", "Jessica", "Delilah", "Thea", "Elizabeth", "Chloe", "Lucy", "Aisha", "Fatima", "Zainab", "Maryam",
        "Hannah", "Sarah", "Rebecca", "Katherine", "Margaret", "Layla", "Aaliyah", "Hafsa", "Khadija", "Amira", "Zara", "Anaya", "Priya", "Zofia",
        "Zuzanna", "Julia", "Hanna", "Lena", "Georgia", "Megan", "Holly", "Abigail", "Victoria", "Jennifer", "Samantha", "Eleanor", "Niamh",
        "Erin", "Ellie", "Amy", "Lacey", "Summer", "Skye", "Nancy", "Edith", "Orla", "Heidi", "Robyn", "Molly", "Leah", "Scarlett",
    ];

    private static readonly string[] Surnames =
    [
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Robinson", "Wright", "Thompson", "Evans", "Walker",
        "White", "Roberts", "Green", "Hall", "Thomas", "Clarke", "Jackson", "Wood", "Harris", "Edwards", "Turner", "Martin", "Cooper", "Hill", "Ward",
        "Hughes", "Moore", "Clark", "King", "Harrison", "Lewis", "Baker", "Lee", "Allen", "Morris", "Khan", "Scott", "Watson", "Davis", "Parker",
        "James", "Bennett", "Young", "Phillips", "Richardson", "Mitchell", "Bailey", "Carter", "Cook", "Singh", "Shaw", "Bell", "Collins", "Morgan",
        "Kelly", "Begum", "Miller", "Cox", "Hussain", "Marshall", "Simpson", "Price", "Anderson", "Adams", "Wilkinson", "Ali", "Ahmed", "Foster",
        "Ellis", "Murphy", "Chapman", "Mason", "Gray", "Richards", "Webb", "Griffiths", "Hunt", "Palmer", "Campbell", "Holmes", "Mills", "Rogers",
        "Barnes", "Knight", "Matthews", "Barker", "Powell", "Stevens", "Kaur", "Fisher", "Butler", "Dixon", "Russell", "Harvey", "Pearson", "Graham",
        "Fletcher", "Howard", "Walsh", "Stewart", "Hudson", "Rahman", "Akhtar", "Iqbal", "Mahmood", "Nowak", "Kowalski", "Wisniewski", "Okafor",
        "Mensah", "Nguyen", "Sharma", "Kumar", "Gill", "Sandhu", "Lowe", "Pearce", "Jenkins", "Lloyd", "Atkinson", "Burton", "Dawson", "Hartley",
        "Sutcliffe", "Haigh", "Firth", "Greenwood", "Broadbent", "Crowther", "Ackroyd", "Holroyd", "Pickles", "Whiteley", "Hirst", "Beaumont",
    ];

    // Pairs the engine's nickname table knows, and transliterations (formal form first).
    private static readonly Dictionary<string, string[]> Variants = new(StringComparer.Ordinal)
    {
        ["William"] = ["Will", "Billy", "Liam"], ["Alexander"] = ["Alex", "Xander"], ["Thomas"] = ["Tom", "Tommy"], ["James"] = ["Jamie", "Jim"],
        ["Oliver"] = ["Ollie"], ["Charlotte"] = ["Lottie"], ["Frederick"] = ["Freddie", "Fred"], ["Benjamin"] = ["Ben"], ["Samuel"] = ["Sam"],
        ["Daniel"] = ["Dan", "Danny"], ["Joseph"] = ["Joe"], ["Joshua"] = ["Josh"], ["Matthew"] = ["Matt"], ["Edward"] = ["Ed", "Eddie"],
        ["Henry"] = ["Harry"], ["Elizabeth"] = ["Beth", "Lizzie"], ["Isabella"] = ["Bella", "Izzy"], ["Rebecca"] = ["Becky"], ["Jessica"] = ["Jess"],
        ["Katherine"] = ["Kate", "Katie"], ["Margaret"] = ["Maggie"], ["Abigail"] = ["Abbie"], ["Victoria"] = ["Vicky"], ["Samantha"] = ["Sam"],
        ["Eleanor"] = ["Ellie", "Nell"], ["Michael"] = ["Mike"], ["Christopher"] = ["Chris"], ["Robert"] = ["Rob", "Bobby"], ["Richard"] = ["Rich"],
        ["Nicholas"] = ["Nick"], ["Jennifer"] = ["Jenny"], ["Olivia"] = ["Liv"], ["Theodore"] = ["Theo"], ["Archie"] = ["Archibald"],
        ["Muhammad"] = ["Mohammed", "Mohammad"], ["Mohammed"] = ["Muhammad"], ["Aisha"] = ["Ayesha"], ["Yusuf"] = ["Yousef"], ["Maryam"] = ["Mariam"],
    };

    private static readonly string[] Streets = ["High", "Station", "Church", "Victoria", "Park", "Mill", "Green", "Manor", "Kings", "Queens", "York", "Grange", "Springfield", "Highfield", "Albert", "Alexandra", "Windsor", "Chapel", "School", "North", "Main", "New", "West", "Forest", "Woodlands", "Clarence", "Stanley", "Beech", "Oak", "Elm", "Willow", "Cedar", "Meadow", "Orchard", "Brook", "River", "Hill", "Bridge", "Moor", "Harehills", "Roundhay", "Beeston", "Armley", "Chapeltown", "Seacroft", "Gipton", "Kirkstall", "Headingley", "Burley", "Holbeck"];
    private static readonly string[] Kinds = ["Road", "Street", "Lane", "Avenue", "Close", "Drive", "Way", "Crescent", "Grove", "Terrace", "Mount", "Place"];
    private static readonly string[] RareStart = ["Ash", "Brad", "Carr", "Dun", "El", "Fair", "Gold", "Hart", "Ing", "Kirk", "Lang", "Mar", "North", "Ox", "Pen", "Rad", "Sher", "Thorn", "Wal", "Yar", "Bram", "Crom", "Dal", "Fen", "Glen", "Hol", "Kel", "Lin", "Mor", "Nor"];
    private static readonly string[] RareEnd = ["ton", "ford", "ley", "wood", "field", "by", "well", "worth", "stone", "croft", "hurst", "wick", "dale", "shaw", "son", "ski", "ova", "ez", "sen", "ick"];
    private static readonly string[] RareGiven = ["Ab", "Bel", "Cor", "Dar", "Em", "Fin", "Gal", "Hal", "Is", "Jor", "Kal", "Lor", "Mal", "Nev", "Or", "Per", "Quin", "Ros", "Sal", "Tam", "Ul", "Val", "Wyn", "Yas", "Zed"];
    private static readonly string[] RareGivenEnd = ["a", "ie", "on", "an", "ia", "en", "is", "o", "ette", "ina", "ar", "ek", "iel", "us", "ah"];

    private sealed record Child(int Family, string Given, string Family2, int Year, int Month, int Day, char Sex, string Postcode, string Address, string? Nhs, string? Upn, int TwinOf);

    private sealed record Household(string Family, string Postcode, string Address);

    /// <summary>Writes roll.csv and police.csv into <paramref name="folder"/>; the truth stays in the returned dataset.</summary>
    public static Dataset Write(string folder, int rollSize, int policeSize, int seed = 19_000_019)
    {
        var rng = new Random(seed);
        var givenBoys = new Zipf(Boys.Length, 0.7);
        var givenGirls = new Zipf(Girls.Length, 0.7);
        var surnames = new Zipf(Surnames.Length, 0.7);
        // A city's unit postcodes: about 15 children a postcode at a million.
        var postcodeCount = Math.Max(400, rollSize / 15);
        var postcodes = new string[postcodeCount];
        for (var i = 0; i < postcodeCount; i++)
            postcodes[i] = $"LS{1 + i % 29} {(i / 29) % 10}{(char)('A' + (i / 290) % 26)}{(char)('A' + (i / 7540) % 26)}";

        Household NewHousehold() => new(
            rng.NextDouble() < 0.85 ? Surnames[surnames.Next(rng)] : RareStart[rng.Next(RareStart.Length)] + RareEnd[rng.Next(RareEnd.Length)],
            postcodes[rng.Next(postcodeCount)],
            $"{rng.Next(1, 250)} {Streets[rng.Next(Streets.Length)]} {Kinds[rng.Next(Kinds.Length)]}");

        string NewGiven(char sex) =>
            rng.NextDouble() < 0.08 ? RareGiven[rng.Next(RareGiven.Length)] + RareGivenEnd[rng.Next(RareGivenEnd.Length)]
            : sex == 'F' ? Girls[givenGirls.Next(rng)] : Boys[givenBoys.Next(rng)];

        var nhsUsed = new HashSet<long>();
        string NewNhs()
        {
            while (true)
            {
                var nine = rng.NextInt64(400_000_000, 999_999_999);
                var s = nine.ToString(CultureInfo.InvariantCulture);
                if (NhsNumberCheck.CheckDigit(s) is { } check && nhsUsed.Add(nine)) return s + (char)('0' + check);
            }
        }
        var upnSerial = 0;
        string NewUpn()
        {
            var body = $"{380 + rng.Next(20):000}{++upnSerial:000000000}";
            return UpnCheck.CheckLetter(body) + body;
        }

        // Children in families until the roll and the children on no roll are made.
        var notOnRoll = policeSize / 5;
        var total = rollSize + notOnRoll;
        var children = new List<Child>(total + 8);
        var family = 0;
        while (children.Count < total)
        {
            var home = NewHousehold();
            family++;
            var size = rng.NextDouble() switch { < 0.45 => 1, < 0.80 => 2, < 0.95 => 3, _ => 4 };
            for (var c = 0; c < size && children.Count < total; c++)
            {
                var sex = rng.Next(2) == 0 ? 'F' : 'M';
                var year = 2008 + rng.Next(14);
                var month = rng.Next(1, 13);
                var day = rng.Next(1, 29);
                var given = NewGiven(sex);
                children.Add(new Child(family, given, home.Family, year, month, day, sex, home.Postcode, home.Address,
                    rng.NextDouble() < 0.6 ? NewNhs() : null, NewUpn(), -1));
                if (rng.NextDouble() < 0.015 && children.Count < total)
                {
                    // A twin: everything but the given name (a third of the time with the same first letter, as Jack and Jake).
                    var twinSex = rng.Next(2) == 0 ? 'F' : 'M';
                    string twinGiven;
                    do
                    {
                        twinGiven = NewGiven(twinSex);
                        if (rng.NextDouble() < 0.33)
                        {
                            var same = (twinSex == 'F' ? Girls : Boys).Where(n => n[0] == given[0] && n != given).ToArray();
                            if (same.Length > 0) twinGiven = same[rng.Next(same.Length)];
                        }
                    } while (twinGiven == given);
                    children.Add(new Child(family, twinGiven, home.Family, year, month, day, twinSex, home.Postcode, home.Address,
                        rng.NextDouble() < 0.6 ? NewNhs() : null, NewUpn(), children.Count - 1));
                }
            }
        }
        // Which children are on the roll: all but a scattered fifth-of-the-police-file, twins kept together.
        var decided = new bool[children.Count];
        var rollIndexes = new List<int>(rollSize);
        var offRoll = new List<int>(notOnRoll);
        var order = Enumerable.Range(0, children.Count).ToArray();
        rng.Shuffle(order);
        foreach (var i in order)
        {
            if (decided[i]) continue;
            var twin = TwinOf(children, i);
            decided[i] = true;
            if (twin >= 0) decided[twin] = true;
            var chosen = rollIndexes.Count + (twin >= 0 ? 2 : 1) <= rollSize ? rollIndexes : offRoll;
            chosen.Add(i);
            if (twin >= 0) chosen.Add(twin);
        }
        // The police file: 80% roll children (twins: the co-twin too, half the time), 20% children on no roll.
        var fromRoll = policeSize - Math.Min(notOnRoll, offRoll.Count);
        var policeChildren = new List<int>(policeSize);
        var inPolice = new bool[children.Count];
        var rollOrder = rollIndexes.ToArray();
        rng.Shuffle(rollOrder);
        foreach (var i in rollOrder)
        {
            if (policeChildren.Count >= fromRoll) break;
            if (inPolice[i]) continue;
            policeChildren.Add(i);
            inPolice[i] = true;
            var twin = TwinOf(children, i);
            if (twin >= 0 && !inPolice[twin] && policeChildren.Count < fromRoll && rng.NextDouble() < 0.5)
            {
                policeChildren.Add(twin);
                inPolice[twin] = true;
            }
        }
        foreach (var i in offRoll)
        {
            if (policeChildren.Count >= policeSize) break;
            policeChildren.Add(i);
        }
        var police = policeChildren.ToArray();
        rng.Shuffle(police);
        var roll = rollIndexes.ToArray();
        rng.Shuffle(roll);

        var truthLeft = new Dictionary<string, string>(roll.Length);
        var truthRight = new Dictionary<string, string>(police.Length);
        var leftPath = Path.Combine(folder, "roll.csv");
        var rightPath = Path.Combine(folder, "police.csv");
        using (var w = new StreamWriter(leftPath, false, new UTF8Encoding(false), 1 << 20))
        {
            w.Write("id,given_name,family_name,date_of_birth,sex,postcode,address,nhs_number,upn\n");
            for (var k = 0; k < roll.Length; k++)
            {
                var c = children[roll[k]];
                var id = $"S{k}";
                // The roll is clean but for identifiers: an NHS number on a third, the UPN on nearly all (2% mistyped).
                var upn = rng.NextDouble() switch { < 0.01 => null, < 0.03 => Typo(c.Upn!, rng), _ => c.Upn };
                Write(w, id, c.Given, c.Family2, Dob(c.Year, c.Month, c.Day), c.Sex.ToString(), c.Postcode, c.Address,
                    rng.NextDouble() < 0.5 ? c.Nhs : null, upn);
                truthLeft[id] = roll[k].ToString(CultureInfo.InvariantCulture);
            }
        }
        using (var w = new StreamWriter(rightPath, false, new UTF8Encoding(false), 1 << 20))
        {
            w.Write("id,given_name,family_name,date_of_birth,sex,postcode,address,nhs_number,upn\n");
            for (var k = 0; k < police.Length; k++)
            {
                var c = children[police[k]];
                var id = $"P{k}";
                var given = c.Given;
                var g = rng.NextDouble();
                if (g < 0.10 && Variants.TryGetValue(given, out var forms)) given = forms[rng.Next(forms.Length)];
                else if (g < 0.16) given = Typo(given, rng);
                var surname = c.Family2;
                var f = rng.NextDouble();
                if (f < 0.05) surname = Typo(surname, rng);
                else if (f < 0.08) surname = $"{surname}-{Surnames[surnames.Next(rng)]}";
                else if (f < 0.10) surname = Surnames[surnames.Next(rng)];
                int year = c.Year, month = c.Month, day = c.Day;
                var d = rng.NextDouble();
                if (d < 0.03 && day <= 12) (day, month) = (month, day);
                else if (d < 0.06) day = Math.Clamp(day + (rng.Next(2) == 0 ? -1 : 1) * rng.Next(1, 3), 1, 28);
                else if (d < 0.08) year += rng.Next(2) == 0 ? -1 : 1;
                var dob = rng.NextDouble() < 0.02 ? "" : Dob(year, month, day);
                string postcode = c.Postcode, address = c.Address;
                var m = rng.NextDouble();
                if (m < 0.12)
                {
                    var moved = NewHousehold();
                    (postcode, address) = (moved.Postcode, moved.Address);
                }
                else if (m < 0.15) postcode = Typo(postcode, rng);
                if (rng.NextDouble() < 0.05) postcode = "";
                if (rng.NextDouble() < 0.10) address = "";
                var sex = rng.NextDouble() switch { < 0.10 => "", < 0.11 => c.Sex == 'F' ? "M" : "F", _ => c.Sex.ToString() };
                // The police hold an NHS number for some children (5% of them mistyped, so invalid), rarely a UPN.
                var nhs = c.Nhs is not null && rng.NextDouble() < 0.4 ? (rng.NextDouble() < 0.05 ? Typo(c.Nhs, rng) : c.Nhs) : null;
                var upn = rng.NextDouble() < 0.05 ? c.Upn : null;
                Write(w, id, given, surname, dob, sex, postcode, address, nhs, upn);
                truthRight[id] = police[k].ToString(CultureInfo.InvariantCulture);
            }
        }
        var twinPairs = children.Count(c => c.TwinOf >= 0);
        return new Dataset($"Concentrated-name roll {roll.Length:N0} x police {police.Length:N0} ({twinPairs:N0} twin pairs)", leftPath, rightPath, truthLeft, truthRight)
        {
            TwinOf = children.Select((c, i) => (c, i)).Where(t => t.c.TwinOf >= 0)
                .SelectMany(t => new[] { (t.i, t.c.TwinOf), (t.c.TwinOf, t.i) })
                .ToDictionary(t => t.Item1.ToString(CultureInfo.InvariantCulture), t => t.Item2.ToString(CultureInfo.InvariantCulture)),
        };
    }

    private static int TwinOf(List<Child> children, int i) =>
        children[i].TwinOf >= 0 ? children[i].TwinOf : i + 1 < children.Count && children[i + 1].TwinOf == i ? i + 1 : -1;

    private static string Dob(int year, int month, int day) => string.Create(CultureInfo.InvariantCulture, $"{year:0000}-{month:00}-{day:00}");

    private static string Typo(string s, Random rng)
    {
        if (s.Length < 3) return s;
        var chars = s.ToCharArray();
        var i = rng.Next(1, chars.Length - 1);
        var digits = char.IsAsciiDigit(chars[i]);
        switch (rng.Next(3))
        {
            case 0: chars[i] = digits ? (char)('0' + (chars[i] - '0' + 1 + rng.Next(8)) % 10) : (char)('a' + rng.Next(26)); break;
            case 1: (chars[i], chars[i - 1]) = (chars[i - 1], chars[i]); break;
            default: return s.Remove(i, 1);
        }
        return new string(chars);
    }

    private static void Write(StreamWriter w, string id, string given, string family, string dob, string sex, string postcode, string address, string? nhs, string? upn)
    {
        w.Write(id);
        w.Write(',');
        w.Write(given);
        w.Write(',');
        w.Write(family);
        w.Write(',');
        w.Write(dob);
        w.Write(',');
        w.Write(sex);
        w.Write(',');
        w.Write(postcode);
        w.Write(',');
        w.Write(address);
        w.Write(',');
        w.Write(nhs);
        w.Write(',');
        w.Write(upn);
        w.Write('\n');
    }

    /// <summary>Rank-frequency 1/rank^s over n values, drawn by binary search of the cumulative weights.</summary>
    private sealed class Zipf
    {
        private readonly double[] _cumulative;

        public Zipf(int n, double s)
        {
            _cumulative = new double[n];
            var sum = 0.0;
            for (var i = 0; i < n; i++) _cumulative[i] = sum += 1 / Math.Pow(i + 1, s);
            for (var i = 0; i < n; i++) _cumulative[i] /= sum;
        }

        public int Next(Random rng)
        {
            var i = Array.BinarySearch(_cumulative, rng.NextDouble());
            return Math.Min(i < 0 ? ~i : i, _cumulative.Length - 1);
        }
    }
}
