using Safeguarding.Core.DomesticAbuse.Checklists;

namespace Safeguarding.Core.Tests.DomesticAbuse;

public sealed class ChecklistDefinitionTests
{
    [Fact]
    public void The_adult_checklist_has_24_questions_in_the_published_topic_order()
    {
        var adult = ShippedChecklists.Get(ChecklistDefinition.Adult);
        Assert.Equal(24, adult.Questions.Count);
        Assert.Equal(Enumerable.Range(1, 24).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), adult.Questions.Select(q => q.Key));
        Assert.Equal("Injury now", adult.Questions[0].Topic);
        Assert.Equal("Threats to kill", adult.Questions[13].Topic);
        Assert.Equal("Strangulation", adult.Questions[14].Topic);
        Assert.Equal("Criminal history", adult.Questions[23].Topic);
        Assert.Equal(14, adult.Thresholds.VisibleHighRisk);
    }

    [Fact]
    public void The_young_peoples_checklist_is_for_13_to_17()
    {
        var young = ShippedChecklists.Get(ChecklistDefinition.YoungPeople);
        Assert.Equal(13, young.MinimumAge);
        Assert.Equal(17, young.MaximumAge);
        Assert.Empty(young.Problems());
    }

    [Fact]
    public void Shipped_checklists_carry_no_licensed_wording()
    {
        Assert.NotEmpty(ShippedChecklists.List.SelectMany(c => c.Questions));
        Assert.All(ShippedChecklists.List.SelectMany(c => c.Questions), q => Assert.Null(q.LicensedWording));
    }

    [Fact]
    public void Loading_licensed_wording_makes_a_new_version_that_reads_the_licensed_text()
    {
        var adult = ShippedChecklists.Get(ChecklistDefinition.Adult);
        var licensed = adult.WithLicensedWording(new Dictionary<string, string> { ["1"] = "Licensed text for question one" });
        Assert.Equal(adult.Version + 1, licensed.Version);
        Assert.Equal("Licensed text for question one", licensed.Questions[0].Wording);
        Assert.Equal(adult.Questions[1].Label, licensed.Questions[1].Wording);
        Assert.Equal(licensed.Questions, ChecklistDefinition.FromJson(licensed.ToJson()).Questions);
    }

    [Fact]
    public void Licensed_wording_for_a_question_the_checklist_lacks_is_refused()
    {
        var adult = ShippedChecklists.Get(ChecklistDefinition.Adult);
        Assert.Throws<ArgumentException>(() => adult.WithLicensedWording(new Dictionary<string, string> { ["25"] = "x" }));
    }

    [Fact]
    public void A_definition_with_duplicate_keys_is_refused()
    {
        var json = """{"code":"x","version":1,"name":"x","thresholds":{"visibleHighRisk":14,"escalationCount":3,"escalationWindowMonths":12},"questions":[{"key":"1","topic":"a","label":"a","help":""},{"key":"1","topic":"b","label":"b","help":""}]}""";
        var e = Assert.Throws<InvalidDataException>(() => ChecklistDefinition.FromJson(json));
        Assert.Contains("more than once", e.Message);
    }
}
