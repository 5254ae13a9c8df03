namespace Safeguarding.Linkage.Comparison;

/// <summary>The fields compared, in the order of a comparison vector.</summary>
public enum LinkageField
{
    GivenName,
    FamilyName,
    DateOfBirth,
    Sex,
    Postcode,
    Address,
    NhsNumber,
    Upn,
}

/// <summary>
/// The ordered comparison levels of each field. Level 0 is always "missing" (either side empty or not valid), which
/// carries no evidence; the last level is "else" (the birth date has one after it: years a generation apart). A pair takes
/// the first level it satisfies.
/// </summary>
public static class Levels
{
    public const int FieldCount = 8;
    public const int MaxLevels = 16;

    public static class Given
    {
        public const byte Missing = 0, Exact = 1, Alias = 2, Fuzzy92 = 3, OneEdit = 4, Fuzzy88 = 5, Phonetic = 6, Initial = 7, Swapped = 8, TwoEdits = 9, Fuzzy80 = 10, Else = 11;
    }

    public static class Family
    {
        public const byte Missing = 0, Exact = 1, PartShared = 2, Fuzzy92 = 3, OneEdit = 4, Fuzzy88 = 5, Phonetic = 6, Swapped = 7, TwoEdits = 8, Fuzzy80 = 9, Else = 10;
    }

    public static class Dob
    {
        public const byte Missing = 0, Exact = 1, TwoKnownPartsAgree = 2, OneKnownPartAgrees = 3, DayMonthSwapped = 4, OneEdit = 5, SameYearMonth = 6,
            OneYearOut = 7, TwoOfThreeAgree = 8, PartialOneDiffers = 9, Else = 10, YearsFarApart = 11;

        /// <summary>Birth years at least this far apart (and not one typed digit apart): a parent and child, not a typo.</summary>
        public const int FarApartYears = 10;
    }

    public static class Sex
    {
        public const byte Missing = 0, Exact = 1, Else = 2;
    }

    public static class Postcode
    {
        public const byte Missing = 0, Exact = 1, OneEdit = 2, Sector = 3, District = 4, Area = 5, Else = 6;
    }

    public static class Address
    {
        public const byte Missing = 0, Exact = 1, High = 2, Medium = 3, Low = 4, Else = 5;
    }

    public static class Identifier
    {
        public const byte Missing = 0, Exact = 1, Else = 2;
    }

    /// <summary>Level names per field, as written in the model file and in explanations.</summary>
    public static readonly string[][] Names =
    [
        ["missing", "exact", "nickname or alias", "jaro-winkler >= 0.92", "one edit", "jaro-winkler >= 0.88", "double metaphone", "initial only",
            "swapped with family name", "two edits", "jaro-winkler >= 0.80", "else"],
        ["missing", "exact", "hyphenated or double part shared", "jaro-winkler >= 0.92", "one edit", "jaro-winkler >= 0.88", "double metaphone",
            "swapped with given name", "two edits", "jaro-winkler >= 0.80", "else"],
        ["missing", "exact", "two known parts agree (one unknown)", "one known part agrees (two unknown)", "day and month swapped", "one edit",
            "same year and month", "one year out", "two of three parts agree", "one part differs (one unknown)", "else",
            "birth years 10 or more apart"],
        ["missing", "exact", "else"],
        ["missing", "exact", "one edit", "same sector", "same district", "same area", "else"],
        ["missing", "exact", "tokens >= 0.8", "tokens >= 0.5", "some token shared", "else"],
        ["missing", "exact", "else"],
        ["missing", "exact", "else"],
    ];

    public static int Count(LinkageField field) => Names[(int)field].Length;

    public static string FieldName(LinkageField field) => field switch
    {
        LinkageField.GivenName => "given_name",
        LinkageField.FamilyName => "family_name",
        LinkageField.DateOfBirth => "date_of_birth",
        LinkageField.Sex => "sex",
        LinkageField.Postcode => "postcode",
        LinkageField.Address => "address",
        LinkageField.NhsNumber => "nhs_number",
        LinkageField.Upn => "upn",
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };
}
