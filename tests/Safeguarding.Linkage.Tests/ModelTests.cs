using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Safeguarding.Linkage.Comparison;
using Safeguarding.Linkage.Files;
using Safeguarding.Linkage.Model;
using static Safeguarding.Linkage.Tests.People;

namespace Safeguarding.Linkage.Tests;

public sealed class EmTests
{
    [Fact]
    public void Em_never_learns_birth_years_a_generation_apart_as_a_match_pattern()
    {
        // A names pass: 1,000 matches at one postcode and birth date, 300 parents and children of one name at one
        // postcode (the postcode says "same person", only the birth year says otherwise), 100,000 strangers.
        const int postcode = (int)LinkageField.Postcode, dob = (int)LinkageField.DateOfBirth;
        uint Key(byte postcodeLevel, byte dobLevel)
        {
            var levels = new byte[Levels.FieldCount];
            levels[postcode] = postcodeLevel;
            levels[dob] = dobLevel;
            return Comparer.Pack(levels);
        }
        uint[] keys = [Key(Levels.Postcode.Exact, Levels.Dob.Exact), Key(Levels.Postcode.Exact, Levels.Dob.YearsFarApart),
            Key(Levels.Postcode.Else, Levels.Dob.YearsFarApart), Key(Levels.Postcode.Else, Levels.Dob.Else)];
        double[] counts = [1_000, 300, 70_000, 30_000];
        var m = Enumerable.Range(0, Levels.FieldCount).Select(_ => Enumerable.Repeat(0.1, Levels.MaxLevels).ToArray()).ToArray();
        var u = Enumerable.Range(0, Levels.FieldCount).Select(_ => Enumerable.Repeat(0.1, Levels.MaxLevels).ToArray()).ToArray();
        (u[postcode][Levels.Postcode.Exact], u[postcode][Levels.Postcode.Else]) = (0.002, 0.998);
        (u[dob][Levels.Dob.Exact], u[dob][Levels.Dob.Else], u[dob][Levels.Dob.YearsFarApart]) = (0.0001, 0.3, 0.7);
        var excluded = Enumerable.Range(0, Levels.FieldCount).Where(f => f is not postcode and not dob).Select(f => (LinkageField)f).ToHashSet();

        var result = Em.Run(keys, counts, m, u, excluded, 0.05, 500);

        Assert.Equal(Em.MinM, result.M[dob][Levels.Dob.YearsFarApart]);
        Assert.True(result.M[dob][Levels.Dob.Exact] > 0.9, $"m(exact) {result.M[dob][Levels.Dob.Exact]}");
    }

    [Fact]
    public void Em_recovers_known_m_and_the_share_of_matches_from_pattern_counts()
    {
        // Two fields with three levels (missing unused, agree, disagree): true m = 0.9 / 0.8, u = 0.05 / 0.1, 30% matches.
        double[] mTrue = [0.9, 0.8], uTrue = [0.05, 0.1];
        const double lambda = 0.3;
        var keys = new List<uint>();
        var counts = new List<double>();
        for (var a = 1; a <= 2; a++)
            for (var b = 1; b <= 2; b++)
            {
                double P(double[] p, int f, int level) => level == 1 ? p[f] : 1 - p[f];
                var share = lambda * P(mTrue, 0, a) * P(mTrue, 1, b) + (1 - lambda) * P(uTrue, 0, a) * P(uTrue, 1, b);
                var levels = new byte[Levels.FieldCount];
                levels[0] = (byte)a;
                levels[1] = (byte)b;
                keys.Add(Comparer.Pack(levels));
                counts.Add(100_000 * share);
            }
        var m = Enumerable.Range(0, Levels.FieldCount).Select(_ => new double[Levels.MaxLevels]).ToArray();
        var u = Enumerable.Range(0, Levels.FieldCount).Select(_ => Enumerable.Repeat(1.0, Levels.MaxLevels).ToArray()).ToArray();
        for (var f = 0; f < 2; f++)
        {
            m[f][1] = 0.6;
            m[f][2] = 0.4;
            u[f][1] = uTrue[f];
            u[f][2] = 1 - uTrue[f];
        }
        var excluded = Enumerable.Range(2, Levels.FieldCount - 2).Select(f => (LinkageField)f).ToHashSet();

        var result = Em.Run(keys.ToArray(), counts.ToArray(), m, u, excluded, 0.5, 500);

        Assert.True(result.Converged);
        Assert.Equal(0.9, result.M[0][1], 2);
        Assert.Equal(0.8, result.M[1][1], 2);
        Assert.Equal(0.3, result.Lambda, 2);
    }

    [Fact]
    public void Training_on_a_town_learns_that_agreement_is_evidence()
    {
        var (left, right) = Town(400, seed: 7);
        var model = Trainer.Train(Linker.Prepare(left), Linker.Prepare(right));

        foreach (var field in new[] { LinkageField.GivenName, LinkageField.FamilyName, LinkageField.DateOfBirth, LinkageField.Postcode })
        {
            var levels = model.Field(field).Levels;
            Assert.True(levels[1].Weight > 3, $"{field} exact: {levels[1].Weight}");
            Assert.True(model.Explain(P("a", "Oliver", "Smith", "2010-01-01", postcode: "LS1 1AA"), P("b", "Zainab", "Okafor", "1990-12-31", postcode: "M4 9ZZ")).Fields[(int)field].Weight <= 0, $"{field} else");
        }
        Assert.InRange(model.ProbabilityTwoRandomRecordsMatch, 1e-5, 1e-2);
    }

    [Fact]
    public void The_model_round_trips_through_json_with_the_same_scores()
    {
        var (left, right) = Town(200, seed: 3);
        var l = Linker.Prepare(left);
        var r = Linker.Prepare(right);
        var model = Trainer.Train(l, r);
        var loaded = LinkageModel.FromJson(model.ToJson());

        for (var i = 0; i < 50; i++)
            Assert.Equal(model.Weight(l[i], r[i % r.Length]), loaded.Weight(l[i], r[i % r.Length]), 5);
    }

    [Fact]
    public void A_model_saved_before_the_generation_level_loads_with_years_far_apart_weighed_as_else()
    {
        var model = LinkageModel.Create(1e-4, (f, l) => (0.5 / l, 0.9 / l));
        var node = System.Text.Json.Nodes.JsonNode.Parse(model.ToJson())!;
        var dob = node["fields"]![(int)LinkageField.DateOfBirth]!["levels"]!.AsArray();
        dob.RemoveAt(Levels.Dob.YearsFarApart);

        var loaded = LinkageModel.FromJson(node.ToJsonString());

        var levels = loaded.Field(LinkageField.DateOfBirth).Levels;
        Assert.Equal(Levels.Count(LinkageField.DateOfBirth), levels.Count);
        Assert.Equal(levels[Levels.Dob.Else].Weight, levels[Levels.Dob.YearsFarApart].Weight);
    }

    [Fact]
    public void A_pair_explains_its_weight_field_by_field()
    {
        var (left, right) = Town(200, seed: 5);
        var l = Linker.Prepare(left);
        var r = Linker.Prepare(right);
        var model = Trainer.Train(l, r);

        var explanation = model.Explain(l[0], l[0]);

        Assert.Equal(Levels.FieldCount, explanation.Fields.Count);
        Assert.Equal(explanation.MatchWeight, explanation.PriorWeight + explanation.Fields.Sum(f => f.Weight), 3);
        Assert.Equal("exact", explanation.Fields[(int)LinkageField.FamilyName].Level);
    }
}

public sealed class TwinsAndSiblingsTests
{
    private static readonly (List<PersonRecord> Left, List<PersonRecord> Right) Background = Town(300, seed: 11);

    private static readonly PersonRecord Jack = new("twin-1", "Jack", "Okonkwo", "2015-06-01", "M", "LS6 2QT", "14 Hyde Park Road");
    private static readonly PersonRecord Jake = new("twin-2", "Jake", "Okonkwo", "2015-06-01", "M", "LS6 2QT", "14 Hyde Park Road");
    private static readonly PersonRecord Ava = new("twin-3", "Ava", "Lindqvist", "2016-02-11", "F", "LS7 3AB", "3 Chapel Lane");
    private static readonly PersonRecord Eva = new("twin-4", "Eva", "Lindqvist", "2016-02-11", "F", "LS7 3AB", "3 Chapel Lane");

    [Fact]
    public void Twins_in_one_file_stay_two_people_when_deduplicating()
    {
        var records = Background.Left.Concat([Jack, Jake, Ava, Eva, Jack with { Id = "twin-1-again", GivenName = "Jack", Postcode = "LS6 2QT" }]).ToList();
        var people = Linker.Prepare(records);
        var model = Trainer.Train(people, null);

        var result = Linker.Dedupe(model, people, new LinkOptions { Threshold = 0.5 });

        int Cluster(string id) => result.ClusterOf[records.FindIndex(r => r.Id == id)];
        Assert.NotEqual(Cluster("twin-1"), Cluster("twin-2"));
        Assert.NotEqual(Cluster("twin-3"), Cluster("twin-4"));
        Assert.Equal(Cluster("twin-1"), Cluster("twin-1-again"));
        Assert.Contains(result.Review, p => records[p.Left].Id.StartsWith("twin", StringComparison.Ordinal));
    }

    [Fact]
    public void A_twin_in_one_file_links_to_itself_and_never_to_the_other_twin()
    {
        var left = Background.Left.Concat([Jack, Jake]).ToList();
        var right = Background.Right.Concat([Jake with { Id = "twin-2-school" }]).ToList();
        var l = Linker.Prepare(left);
        var r = Linker.Prepare(right);
        var model = Trainer.Train(l, r);

        var result = Linker.Link(model, l, r, new LinkOptions { Threshold = 0.5 });

        var partners = result.Matches.Where(p => right[p.Right].Id == "twin-2-school").Select(p => left[p.Left].Id).ToList();
        Assert.Equal(["twin-2"], partners);
        Assert.DoesNotContain(result.Matches, p => left[p.Left].Id == "twin-1" && right[p.Right].Id == "twin-2-school");
    }

    [Fact]
    public void Siblings_with_different_nhs_numbers_are_never_clustered()
    {
        var a = new PersonRecord("a", "Sam", "Ferreira", "2012-09-09", "M", "LS9 8PP", "7 Mill Lane", "9434765870");
        var b = a with { Id = "b", NhsNumber = "9434765919" };
        var records = Background.Left.Concat([a, b]).ToList();
        var people = Linker.Prepare(records);
        var model = Trainer.Train(people, null);

        var result = Linker.Dedupe(model, people, new LinkOptions { Threshold = 0.5 });

        Assert.NotEqual(result.ClusterOf[^1], result.ClusterOf[^2]);
    }
}

public sealed class LinkingPropertyTests
{
    private static readonly LinkageModel Model = Trainer.Train(Linker.Prepare(Town(300, seed: 21).Left), Linker.Prepare(Town(300, seed: 21).Right));

    private static Gen<PersonRecord> Records() =>
        from given in Gen.Elements("Oliver", "Olivia", "Mohammed", "Muhammad", "Liz", "Beth", "Amelia", "", "T")
        from family in Gen.Elements("Smith", "Smyth", "Smith-Jones", "Khan", "O'Brien", "")
        from dob in Gen.Elements("2011-03-17", "2011-17-03", "0000-03-17", "2011-00-00", "2010-03-17", "")
        from postcode in Gen.Elements("LS1 4AB", "LS1 4AG", "LS2 9XX", "")
        from nhs in Gen.Elements("9434765870", "9434765919", "1234567890", "")
        select new PersonRecord("x", given, family, dob, "F", postcode, "1 High Street", nhs);

    [Property(MaxTest = 300)]
    public Property Linking_is_symmetric() =>
        Prop.ForAll(Records().ToArbitrary(), Records().ToArbitrary(), (a, b) =>
        {
            var pa = PreparedPerson.From(a);
            var pb = PreparedPerson.From(b);
            Model.ApplyTermFrequencies([pa, pb]);
            return Math.Abs(Model.Weight(pa, pb) - Model.Weight(pb, pa)) < 1e-4;
        });

    [Property(MaxTest = 300)]
    public Property A_record_always_matches_its_own_copy() =>
        Prop.ForAll(Records().ToArbitrary(), a =>
        {
            var original = PreparedPerson.From(a);
            var copy = PreparedPerson.From(a with { Id = "copy" });
            Model.ApplyTermFrequencies([original, copy]);
            var weight = Model.Weight(original, copy);
            // Every present field agrees exactly, so no field counts against the pair.
            var explanation = Model.Explain(original, copy);
            return explanation.Fields.All(f => f.Weight >= 0) && weight >= Model.PriorWeight;
        });

    [Fact]
    public void A_full_record_matches_its_own_copy_with_high_probability()
    {
        var a = PreparedPerson.From(new PersonRecord("a", "Amelia", "Okafor", "2014-05-06", "F", "LS1 4AB", "1 High Street", "9434765870"));
        var b = PreparedPerson.From(new PersonRecord("b", "Amelia", "Okafor", "2014-05-06", "F", "LS1 4AB", "1 High Street", "9434765870"));
        Model.ApplyTermFrequencies([a, b]);
        Assert.True(LinkageModel.ProbabilityFromWeight(Model.Weight(a, b)) > 0.999);
    }
}

public sealed class FebrlRegressionTests
{
    private static string SharedDatasets()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Safeguarding.slnx"))) dir = dir.Parent;
        Assert.NotNull(dir);
        return Path.Combine(dir.Parent!.FullName, "shared", "datasets");
    }

    /// <summary>FEBRL dataset 1 (1,000 records with duplicates inside it) deduplicated: the quick regression check.</summary>
    [Fact]
    public void Febrl1_dedupe_keeps_its_quality()
    {
        var path = Path.Combine(SharedDatasets(), "febrl", "dataset1.csv");
        var records = new List<PersonRecord>();
        var truth = new List<string>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var c = line.Split(',').Select(s => s.Trim()).ToArray();
            var dob = c[9].Length == 8 ? $"{c[9][..4]}-{c[9][4..6]}-{c[9][6..8]}" : null;
            records.Add(new PersonRecord(c[0], c[1], c[2], dob, null, c[7], string.Join(' ', new[] { c[3], c[4], c[5], c[6], c[8] }.Where(s => s.Length > 0))));
            truth.Add(c[0].Split('-')[1]);
        }
        var people = Linker.Prepare(records);
        var model = Trainer.Train(people, null);

        var result = Linker.Dedupe(model, people, new LinkOptions { Threshold = 0.9 });

        long tp = 0, fp = 0, fn = 0;
        for (var i = 0; i < people.Length; i++)
            for (var j = i + 1; j < people.Length; j++)
            {
                var same = truth[i] == truth[j];
                var predicted = result.ClusterOf[i] == result.ClusterOf[j];
                if (same && predicted) tp++;
                else if (predicted) fp++;
                else if (same) fn++;
            }
        var precision = (double)tp / (tp + fp);
        var recall = (double)tp / (tp + fn);
        Assert.True(precision >= 0.99, $"precision {precision:F4} (tp {tp}, fp {fp}, fn {fn})");
        Assert.True(recall >= 0.90, $"recall {recall:F4} (tp {tp}, fp {fp}, fn {fn})");
    }
}

public sealed class PersonCsvTests
{
    [Fact]
    public void A_bad_date_is_named_by_file_line_and_column()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "id,given_name,family_name,date_of_birth,sex,postcode,address,nhs_number,upn\n1,A,B,2011-03-04,,,,,\n2,A,B,2011-3-4,,,,,\n");
        var e = Assert.Throws<PersonCsvException>(() => PersonCsv.Read(path));
        Assert.Equal((3L, 4), (e.Line, e.Column));
        File.Delete(path);
    }

    [Fact]
    public void Month_13_is_kept_as_written()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "id,given_name,family_name,date_of_birth,sex,postcode,address,nhs_number,upn\n1,\"Smith, Jo\",B,2011-13-00,,,,,\n");
        var people = PersonCsv.Read(path);
        Assert.Equal("2011-13-00", people[0].DateOfBirth);
        Assert.Equal("Smith, Jo", people[0].GivenName);
        File.Delete(path);
    }
}
