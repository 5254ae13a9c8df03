namespace Safeguarding.Core.Demo;

/// <summary>
/// Our own lists for synthetic people and places. Names are common across a UK city's communities (White British,
/// Irish, South Asian, Eastern European, African, Caribbean, Middle Eastern, Chinese); places and streets are
/// made up by joining word parts, so no address is real.
/// </summary>
internal static class DemoNames
{
    /// <summary>Names that go together in one family, and roughly how common each group is in the city.</summary>
    public sealed record NameGroup(string Heritage, double Weight, string[] Girls, string[] Boys, string[] Surnames);

    public static readonly NameGroup[] Groups =
    [
        new("White British and Irish", 0.60,
            ["Olivia", "Amelia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Isabella", "Rosie", "Sophia", "Grace", "Freya", "Poppy",
             "Evie", "Ella", "Florence", "Willow", "Daisy", "Sienna", "Matilda", "Emily", "Ruby", "Harper", "Phoebe", "Esme",
             "Siobhan", "Niamh", "Aoife", "Ciara", "Megan", "Bethan", "Caitlin", "Chloe", "Jessica", "Hannah", "Charlotte",
             "Elizabeth", "Katherine", "Rebecca", "Abigail"],
            ["Oliver", "George", "Noah", "Arthur", "Leo", "Harry", "Oscar", "Archie", "Henry", "Theodore", "Freddie", "Jack",
             "Charlie", "Theo", "Alfie", "Jacob", "Thomas", "Finley", "Arlo", "William", "Isaac", "Tommy", "Reggie", "Joshua",
             "James", "Ciaran", "Conor", "Declan", "Rhys", "Owen", "Callum", "Dylan", "Ethan", "Daniel", "Liam", "Ryan",
             "Alexander", "Benjamin", "Matthew", "Samuel"],
            ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright", "Thompson",
             "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "Hughes", "Lee", "Harrison",
             "Atkinson", "Barker", "Holmes", "Dawson", "Hartley", "Sutcliffe", "Ackroyd", "Greenwood", "Haigh", "Lockwood",
             "Murphy", "Kelly", "O'Brien", "Byrne", "Doyle", "McCarthy", "Gallagher", "Fletcher", "Shaw", "Marsden", "Hirst"]),
        new("Pakistani, Indian and Bangladeshi", 0.16,
            ["Aisha", "Fatima", "Maryam", "Zara", "Hafsa", "Amira", "Inaya", "Aleena", "Anaya", "Simran", "Priya", "Jasleen",
             "Noor", "Khadija", "Zainab", "Safa", "Hana", "Ayesha", "Mehak", "Zoya", "Sana", "Anika", "Riya", "Manpreet"],
            ["Muhammad", "Ibrahim", "Yusuf", "Ali", "Ahmed", "Hamza", "Zayn", "Ayaan", "Rayyan", "Bilal", "Omar", "Hassan",
             "Usman", "Aarav", "Arjun", "Dev", "Harjot", "Gurveer", "Rohan", "Kabir", "Imran", "Adnan", "Zakariya", "Haris"],
            ["Khan", "Hussain", "Ahmed", "Ali", "Akhtar", "Begum", "Iqbal", "Mahmood", "Rashid", "Shah", "Malik", "Bibi",
             "Patel", "Singh", "Kaur", "Sharma", "Gill", "Sandhu", "Chaudhry", "Mistry", "Choudhury", "Uddin", "Rahman", "Islam"]),
        new("Eastern European", 0.08,
            ["Zuzanna", "Julia", "Maja", "Oliwia", "Natalia", "Alicja", "Wiktoria", "Ioana", "Andreea", "Elena", "Sofia",
             "Anastasia", "Viktoria", "Daria", "Kamila", "Emilia", "Aleksandra", "Małgorzata"],
            ["Jakub", "Szymon", "Filip", "Kacper", "Antoni", "Mateusz", "Andrei", "Luca", "Matei", "Darius", "Mihai",
             "Dominik", "Tomas", "Lukas", "Artem", "Maksym", "Aleksander", "Krzysztof"],
            ["Kowalski", "Nowak", "Wisniewski", "Wojcik", "Kaminski", "Lewandowski", "Popescu", "Ionescu", "Dumitru", "Stan",
             "Horvath", "Novak", "Kovalenko", "Shevchenko", "Petrauskas", "Kazlauskas", "Berzins", "Balog"]),
        new("African", 0.06,
            ["Amara", "Chioma", "Adaeze", "Ngozi", "Folake", "Abena", "Ama", "Esi", "Imani", "Zuri", "Makeda", "Blessing",
             "Hawa", "Sagal", "Ifrah", "Deka"],
            ["Chinedu", "Emeka", "Oluwaseun", "Tobi", "Kwame", "Kofi", "Yaw", "Samuel", "David", "Abdi", "Mohamed", "Mahad",
             "Tendai", "Tatenda", "Ebuka", "Femi"],
            ["Okafor", "Okonkwo", "Adeyemi", "Balogun", "Mensah", "Boateng", "Owusu", "Asante", "Mohamud", "Abdullahi", "Osman",
             "Warsame", "Moyo", "Ndlovu", "Chikwanha", "Eze"]),
        new("Caribbean", 0.04,
            ["Keisha", "Shanice", "Tianna", "Jada", "Aaliyah", "Kiara", "Nevaeh", "Nia", "Tia", "Jasmine", "Chantelle", "Naomi"],
            ["Tariq", "Malik", "Jermaine", "Marcus", "Tyrone", "Andre", "Kai", "Jayden", "Reuben", "Elijah", "Jamal", "Nathaniel"],
            ["Campbell", "Gordon", "Francis", "Grant", "Henry", "Morgan", "Reid", "Thomas", "Bailey", "Edwards", "Samuels", "Powell"]),
        new("Middle Eastern and Kurdish", 0.04,
            ["Yasmin", "Leila", "Layla", "Roza", "Hevin", "Rania", "Dunya", "Shirin", "Nour", "Jana"],
            ["Karim", "Sami", "Yousef", "Kawa", "Rezan", "Ahmad", "Omar", "Rami", "Dara", "Hadi"],
            ["Karimi", "Ahmadi", "Hosseini", "Mustafa", "Aziz", "Rasul", "Abdullah", "Haddad", "Ozturk", "Yilmaz"]),
        new("Chinese and Vietnamese", 0.02,
            ["Mei", "Xin", "Lina", "Yan", "Linh", "Mai", "Hoa", "Jia"],
            ["Wei", "Jun", "Hao", "Ming", "Minh", "Duc", "Bao", "Chen"],
            ["Chen", "Wang", "Li", "Zhang", "Liu", "Nguyen", "Tran", "Pham"]),
    ];

    /// <summary>
    /// Short forms, nicknames and other spellings that an agency may write instead of the registered given name:
    /// our own curated list of forms common in the UK. Police records of children often carry these.
    /// </summary>
    public static readonly Dictionary<string, string[]> Nicknames = new(StringComparer.Ordinal)
    {
        // Girls
        ["Olivia"] = ["Liv", "Livvy", "Ollie"], ["Amelia"] = ["Millie", "Amy", "Mia"], ["Isabella"] = ["Bella", "Izzy", "Issy"],
        ["Sophia"] = ["Sophie"], ["Florence"] = ["Flo", "Florrie"], ["Matilda"] = ["Tilly", "Tilda"], ["Emily"] = ["Em", "Emmy"],
        ["Charlotte"] = ["Lottie", "Charlie"], ["Jessica"] = ["Jess", "Jessie"], ["Megan"] = ["Meg"], ["Caitlin"] = ["Cait", "Katelyn"],
        ["Hannah"] = ["Hanna"], ["Elizabeth"] = ["Liz", "Beth", "Libby", "Lizzie", "Eliza"], ["Katherine"] = ["Kate", "Katie", "Kath", "Kathryn"],
        ["Rebecca"] = ["Becky", "Becca"], ["Abigail"] = ["Abbie", "Abi", "Gail"], ["Evie"] = ["Eve"], ["Phoebe"] = ["Phebe"],
        ["Siobhan"] = ["Shevaun"], ["Niamh"] = ["Neve"], ["Aoife"] = ["Eva"], ["Bethan"] = ["Beth"], ["Esme"] = ["Esmee"],
        ["Fatima"] = ["Fatimah", "Fatma"], ["Maryam"] = ["Mariam", "Miriam"], ["Aisha"] = ["Ayesha", "Aysha"], ["Ayesha"] = ["Aisha"],
        ["Khadija"] = ["Khadijah"], ["Zainab"] = ["Zaynab"], ["Zara"] = ["Zahra"], ["Hafsa"] = ["Hafsah"], ["Manpreet"] = ["Preet"],
        ["Jasleen"] = ["Jas"], ["Simran"] = ["Simi"],
        ["Aleksandra"] = ["Ola", "Ala", "Alexandra"], ["Małgorzata"] = ["Gosia", "Malgorzata", "Margaret"], ["Zuzanna"] = ["Zuza", "Susanna"],
        ["Wiktoria"] = ["Wika", "Victoria"], ["Viktoria"] = ["Vika", "Victoria"], ["Natalia"] = ["Natalie", "Nat"], ["Anastasia"] = ["Nastya", "Stacey"],
        ["Daria"] = ["Dasha"], ["Julia"] = ["Julka"], ["Alicja"] = ["Alicia", "Ala"], ["Oliwia"] = ["Olivia"], ["Emilia"] = ["Emily", "Mila"],
        ["Adaeze"] = ["Ada"], ["Chioma"] = ["Chi"], ["Folake"] = ["Fola"], ["Ngozi"] = ["Ngo"],
        ["Aaliyah"] = ["Aliyah", "Aleah"], ["Chantelle"] = ["Shantelle"], ["Jasmine"] = ["Jazz", "Yasmin"], ["Shanice"] = ["Shan"],
        ["Yasmin"] = ["Yasmine", "Jasmine"], ["Leila"] = ["Layla"], ["Layla"] = ["Leila", "Laila"],
        // Boys
        ["Oliver"] = ["Ollie", "Olly"], ["George"] = ["Georgie"], ["Harry"] = ["Harri"], ["Archie"] = ["Arch"],
        ["Theodore"] = ["Theo", "Ted", "Teddy"], ["Freddie"] = ["Fred", "Freddy"], ["Charlie"] = ["Charles"], ["Alfie"] = ["Alf", "Alfred"],
        ["Jacob"] = ["Jake"], ["Thomas"] = ["Tom", "Tommy"], ["Finley"] = ["Finn", "Finlay"], ["William"] = ["Will", "Bill", "Billy", "Liam"],
        ["Isaac"] = ["Zac"], ["Reggie"] = ["Reg"], ["Joshua"] = ["Josh"], ["James"] = ["Jim", "Jimmy", "Jamie"], ["Daniel"] = ["Dan", "Danny"],
        ["Callum"] = ["Cal", "Calum"], ["Ciaran"] = ["Kieran"], ["Conor"] = ["Connor"], ["Declan"] = ["Dec"], ["Rhys"] = ["Reece"],
        ["Alexander"] = ["Alex", "Sasha", "Xander", "Alec"], ["Benjamin"] = ["Ben", "Benji"], ["Matthew"] = ["Matt", "Matty"],
        ["Samuel"] = ["Sam", "Sammy"], ["Henry"] = ["Harry", "Hal"], ["Joseph"] = ["Joe"],
        ["Muhammad"] = ["Mohammed", "Mohammad", "Muhammed", "Mohamed", "Mo"], ["Mohamed"] = ["Mohammed", "Muhammad", "Mohamud", "Mo"],
        ["Ibrahim"] = ["Ebrahim", "Ibby"], ["Yusuf"] = ["Yousef", "Yusef", "Joseph"], ["Ahmed"] = ["Ahmad", "Ahmet"], ["Hamza"] = ["Hamzah"],
        ["Zayn"] = ["Zain"], ["Ayaan"] = ["Ayan"], ["Rayyan"] = ["Rayan"], ["Omar"] = ["Umar"], ["Hassan"] = ["Hasan"], ["Usman"] = ["Osman"],
        ["Zakariya"] = ["Zak", "Zakaria", "Zachariah"], ["Imran"] = ["Imy"], ["Gurveer"] = ["Veer"], ["Harjot"] = ["Jot"],
        ["Jakub"] = ["Kuba", "Jacob"], ["Szymon"] = ["Simon"], ["Mateusz"] = ["Matt", "Mati"], ["Antoni"] = ["Antek", "Anthony"],
        ["Aleksander"] = ["Olek", "Alex"], ["Krzysztof"] = ["Krzys", "Chris"], ["Dominik"] = ["Dom"], ["Andrei"] = ["Andy"],
        ["Maksym"] = ["Max"], ["Lukas"] = ["Lucas"], ["Tomas"] = ["Tom"], ["Filip"] = ["Phil"], ["Mihai"] = ["Michael"],
        ["Oluwaseun"] = ["Seun"], ["Chinedu"] = ["Chi"], ["Emeka"] = ["Chukwuemeka"], ["Tobi"] = ["Oluwatobi", "Toby"], ["Femi"] = ["Oluwafemi"],
        ["David"] = ["Dave", "Davey"], ["Abdi"] = ["Abdirahman"],
        ["Nathaniel"] = ["Nathan", "Nat"], ["Elijah"] = ["Eli"], ["Jayden"] = ["Jaden", "Jay"], ["Tariq"] = ["Tarik"], ["Jamal"] = ["Jamaal"],
        ["Marcus"] = ["Marc"], ["Reuben"] = ["Ruben"], ["Yousef"] = ["Yusuf", "Joseph"], ["Ahmad"] = ["Ahmed"], ["Karim"] = ["Kareem"],
        ["Sami"] = ["Sammy"], ["Wei"] = ["Will"], ["Jun"] = ["June"],
    };

    /// <summary>
    /// Twins whose parents gave them names that are alike, the hardest pairs for linkage to keep apart; by sex, in
    /// the heritage whose names they are.
    /// </summary>
    public static readonly Dictionary<string, (string[][] Girls, string[][] Boys)> AlikeTwinNames = new(StringComparer.Ordinal)
    {
        ["White British and Irish"] = ([["Olivia", "Olive"], ["Ella", "Ellie"], ["Evie", "Eva"], ["Lily", "Lila"], ["Isabella", "Isabelle"], ["Amelia", "Amelie"]],
            [["Jayden", "Jaden"], ["Harry", "Harvey"], ["Alfie", "Albie"], ["Louis", "Lewis"], ["Finley", "Finn"], ["Ryan", "Rian"]]),
        ["Pakistani, Indian and Bangladeshi"] = ([["Aisha", "Ayesha"], ["Zara", "Zahra"], ["Hana", "Hina"], ["Anaya", "Inaya"]],
            [["Hassan", "Hussain"], ["Ali", "Aliyan"], ["Zayn", "Zain"], ["Rayyan", "Rehan"]]),
        ["Eastern European"] = ([["Julia", "Julianna"], ["Maja", "Maria"]], [["Jakub", "Jan"], ["Filip", "Fabian"]]),
        ["African"] = ([["Ama", "Amma"], ["Esi", "Efua"]], [["Kwame", "Kwabena"], ["Tobi", "Tomi"]]),
        ["Caribbean"] = ([["Tia", "Tianna"], ["Kiara", "Kiera"]], [["Jayden", "Jaden"], ["Jamal", "Jamar"]]),
    };

    // Made-up place names: a first part and an ending, like a West Riding village.
    private static readonly string[] PlaceStarts =
    [
        "Ash", "Beck", "Birch", "Bram", "Brook", "Cold", "Elm", "Fern", "Gold", "Hare", "Hawks", "Holly", "Kirk", "Lark",
        "Mill", "Moor", "Oak", "Rook", "Stone", "Thorn", "Well", "Whin", "Wood", "Wren", "Ack", "Bar", "Cross", "Fair",
        "Green", "High", "Lin", "Low", "Nether", "Ox", "Pen", "Rad", "Sand", "Sow", "Tong", "Wike",
    ];

    private static readonly string[] PlaceEnds = ["ley", "field", "wood", "ton", "by", "thorpe", "gate", "side", "hill", "dale", "bank", "well", "royd", "worth"];

    public static readonly string[] StreetKinds = ["Road", "Street", "Avenue", "Close", "Grove", "Lane", "Terrace", "Crescent", "Drive", "Mount", "View", "Walk", "Place", "Gardens"];

    public static readonly string[] Saints = ["Peter", "Mary", "Joseph", "Anne", "Patrick", "Bartholomew", "Chad", "Oswald", "Hilda", "Wilfrid", "Aidan", "Cuthbert", "Margaret", "Luke", "Francis", "Theresa"];

    /// <summary>Every made-up place name, in a fixed order.</summary>
    public static readonly string[] Places = [.. PlaceStarts.SelectMany(s => PlaceEnds.Select(e => s + e))];

    // Letters a postcode's inward code may use (not C, I, K, M, O or V).
    public const string PostcodeLetters = "ABDEFGHJLNPQRSTUWXYZ";
}
