using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Assurance;
using Safeguarding.Core.Assurance.Voice;
using Safeguarding.Core.People;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Testing;
using static Safeguarding.Core.Tests.Assurance.AssuranceWorld;

namespace Safeguarding.Core.Tests.Assurance;

/// <summary>The children's voice: only agreed words are kept, anonymised; the board counts by theme and source.</summary>
public sealed class VoiceTests
{
    [Fact]
    public void Names_dates_addresses_postcodes_and_schools_are_taken_out_of_the_words()
    {
        var terms = new AnonymiseTerms(["Maisie", "Okafor"], ["14 Larch Road"], ["Aire Valley Primary School"]);

        var shown = Anonymiser.Anonymise(
            "MAISIE said Okafor's dog scared her at 14 Larch Road, LS6 2AB, on 3/4/2026 and 5th March 2026. She likes aire valley primary school.", terms);

        Assert.Equal("[name] said [name] dog scared her at [address], [postcode], on [date] and [date]. She likes [school].", shown);
    }

    [Fact]
    public void A_name_inside_another_word_is_left_alone()
    {
        Assert.Equal("Annabel met [name] at Annfield", Anonymiser.Anonymise("Annabel met Ann at Annfield", new AnonymiseTerms(["Ann"], [], [])));
    }

    [Theory, BothDatabases]
    public async Task A_name_from_the_person_index_is_removed_and_words_not_agreed_are_never_kept_or_shown(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var w = await AssuranceWorld.CreateAsync(database, Instant.FromUtc(2027, 2, 1, 9, 0));
        var child = await w.Data.CreatePersonAsync(w.PartnershipId, (w.School, PersonLinkKind.RegisteredPupil), (w.Council, PersonLinkKind.OpenCase));
        // Someone else in the index, named in the child's words.
        await w.Data.SaveAsync(db => db.People.Add(new Person
        {
            PartnershipId = w.PartnershipId, GivenName = "Kayden", FamilyName = "Brightwater", DateOfBirth = new LocalDate(1988, 1, 1), CreatedAt = w.Clock.GetCurrentInstant(),
        }));
        Guid listening, home;
        await using (var db = w.NewContext())
        {
            var voice = new VoiceFeedbacks(db);
            listening = await voice.AddThemeAsync(new AddThemeOptions("Being listened to"), As(w.BusinessManager), ct);
            home = await voice.AddThemeAsync(new AddThemeOptions("Feeling safe at home"), As(w.BusinessManager), ct);
            await voice.RecordAsync(new RecordVoiceOptions(VoiceSource.FeedbackForm, null, child.Id, new LocalDate(2027, 1, 20),
                $"My social worker listened when I said Kayden shouts. {child.GivenName} {child.FamilyName} is happier at Aire Valley Primary School now.", true,
                [listening, home]), As(w.SocialWorker), ct);
            await voice.RecordAsync(new RecordVoiceOptions(VoiceSource.AssessmentOrPlan, null, child.Id, new LocalDate(2027, 1, 21),
                "Please do not tell anyone about the secret den", false, [home]), As(w.SocialWorker), ct);
            await voice.RecordAsync(new RecordVoiceOptions(VoiceSource.Project, "Voices", null, new LocalDate(2027, 1, 22), "Adults should explain what happens next", true,
                [listening]), As(w.BusinessManager), ct);
            // A practitioner without leave to read the child may not name them.
            var school = await w.Data.CreateUserAsync(w.Police, Safeguarding.Core.Platform.Access.Role.SocialWorker);
            await Assert.ThrowsAsync<ForbiddenException>(() => voice.RecordAsync(new RecordVoiceOptions(VoiceSource.FeedbackForm, null, child.Id,
                new LocalDate(2027, 1, 20), "Words", true, [home]), As(school), ct));
        }

        await using (var db = w.NewContext())
        {
            var board = await new VoiceFeedbacks(db).BoardAsync(new VoiceFiguresOptions(new LocalDate(2027, 1, 1), new LocalDate(2027, 1, 31)), As(w.BusinessManager), ct);
            Assert.Equal((3, 2), (board.Items, board.Agreed));
            Assert.Equal(
                ["Adults should explain what happens next", "My social worker listened when I said [name] shouts. [name] [name] is happier at [school] now."],
                board.Quotes.Select(q => q.Words));
            Assert.Equal([("Being listened to", VoiceSource.Project, 1), ("Being listened to", VoiceSource.FeedbackForm, 1),
                    ("Feeling safe at home", VoiceSource.AssessmentOrPlan, 1), ("Feeling safe at home", VoiceSource.FeedbackForm, 1)],
                board.ByThemeAndSource.Select(c => (c.Theme, c.Source, c.Items)));
            // The words not agreed to are stored nowhere.
            Assert.False(await db.Set<VoiceItem>().AnyAsync(i => i.SharedWords != null && i.SharedWords.Contains("secret"), ct));
            Assert.Equal(1, await db.Set<VoiceItem>().CountAsync(i => !i.AgreedToShare && i.SharedWords == null, ct));

            var figures = await new AssuranceReviewFigures(db).FiguresAsync(new AssuranceReviewFiguresOptions(new LocalDate(2027, 1, 1), new LocalDate(2027, 1, 31)),
                As(w.BusinessManager), ct);
            Assert.Equal((3, 2, 2), (figures.VoiceItems, figures.VoiceByTheme["Being listened to"], figures.VoiceByTheme["Feeling safe at home"]));
            await Assert.ThrowsAsync<ForbiddenException>(() => new VoiceFeedbacks(db).BoardAsync(new VoiceFiguresOptions(new LocalDate(2027, 1, 1), new LocalDate(2027, 1, 31)),
                As(w.SocialWorker), ct));
        }
    }
}
