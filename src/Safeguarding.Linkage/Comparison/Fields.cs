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
/// carries no evidence; the last level is "else". A pair takes the first level it satisfies.
/// </summary>
public static class Levels
{
    public const int FieldCount = 8;
    public const int MaxLevels = 8;

    public static class Given
    {
        public const byte Missing = 0, Exact = 1, Alias = 2, Fuzzy92 = 3, Fuzzy88 = 4, Phonetic = 5, Swapped = 6, Else = 7;
    }

    public static class Family
    {
        public const byte Missing = 0, Exact = 1, PartShared = 2, Fuzzy92 = 3, Fuzzy88 = 4, Phonetic = 5, Swapped = 6, Else = 7;
    }

    public static class Dob
    {
        public const byte Missing = 0, Exact = 1, KnownPartsAgree = 2, DayMonthSwapped = 3, OneEdit = 4, SameYearMonth = 5, OneYearOut = 6, Else = 7;
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
        ["missing", "exact", "nickname or alias", "jaro-winkler >= 0.92", "jaro-winkler >= 0.88", "double metaphone", "swapped with family name", "else"],
        ["missing", "exact", "hyphenated or double part shared", "jaro-winkler >= 0.92", "jaro-winkler >= 0.88", "double metaphone", "swapped with given name", "else"],
        ["missing", "exact", "known parts agree", "day and month swapped", "one edit", "same year and month", "one year out", "else"],
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
