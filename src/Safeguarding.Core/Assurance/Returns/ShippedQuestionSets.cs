namespace Safeguarding.Core.Assurance.Returns;

/// <summary>
/// The three question sets every partnership starts with (version 1 each), in our own short words: a partnership loads
/// its own wording as a new version. Section 11 (Children Act 2004) for every agency; section 175 (Education Act 2002)
/// for schools and colleges; the MACE Silver return for the agencies at MACE.
/// </summary>
public static class ShippedQuestionSets
{
    public const string Section11 = "section-11";
    public const string Section175 = "section-175";
    public const string MaceSilver = "mace-silver";

    public static readonly IReadOnlyList<(string Key, string Title, GradeScale Scale, string[] Questions)> All =
    [
        (Section11, "Section 11 self-assessment", GradeScale.RedAmberGreen,
        [
            "Senior management commitment to safeguarding children, with a named lead accountable at board level.",
            "A clear line of accountability for safeguarding, reflected in job descriptions.",
            "Safeguarding is built into the development and delivery of services, with children's views heard.",
            "Staff have safeguarding training matched to their role, and take it up.",
            "Safer recruitment, with checks on staff and volunteers working with children.",
            "Effective inter-agency working and information sharing to safeguard children.",
            "Clear procedures for allegations against staff, with a designated officer informed.",
        ]),
        (Section175, "Section 175 education audit", GradeScale.OneToFour,
        [
            "A designated safeguarding lead and deputies, trained and given time for the role.",
            "The child protection policy is up to date, published and known to staff.",
            "Every member of staff has read Keeping Children Safe in Education part one.",
            "Children missing education and persistent absence are followed up and recorded.",
            "Operation Encompass notifications are received, acted on and recorded.",
            "Pupils are taught about safeguarding, including online safety.",
        ]),
        (MaceSilver, "MACE Silver return", GradeScale.RedAmberGreen,
        [
            "Children at risk of exploitation are identified and referred to MACE.",
            "The agency attends MACE and brings its research to each meeting.",
            "Actions from MACE are completed on time.",
            "Intelligence about places, spaces and persons of concern is shared with the police.",
        ]),
    ];

    /// <summary>The rows of one shipped set (version 1) for a partnership, to be added by the caller.</summary>
    public static (QuestionSet Set, List<ReturnQuestion> Questions) Rows(Guid partnershipId, string key)
    {
        var (_, title, scale, questions) = All.Single(s => s.Key == key);
        var set = new QuestionSet { PartnershipId = partnershipId, Key = key, Version = 1, Title = title, Scale = scale };
        return (set, [.. questions.Select((text, i) => new ReturnQuestion { QuestionSetId = set.Id, Number = i + 1, Text = text })]);
    }

    /// <summary>The grades a scale allows, best last, with their words.</summary>
    public static IReadOnlyList<(int Value, string Name)> Grades(GradeScale scale) => scale == GradeScale.RedAmberGreen
        ? [(1, "Red: not met"), (2, "Amber: partly met"), (3, "Green: met")]
        : [(1, "1: not met"), (2, "2: partly met"), (3, "3: mostly met"), (4, "4: fully met")];

    public static string GradeName(GradeScale scale, int? grade) =>
        grade is { } g ? Grades(scale).Where(x => x.Value == g).Select(x => x.Name).FirstOrDefault() ?? g.ToString() : "Not graded";
}
