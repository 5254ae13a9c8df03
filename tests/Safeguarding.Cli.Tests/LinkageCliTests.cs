using Safeguarding.Testing;

namespace Safeguarding.Cli.Tests;

/// <summary><c>safeguard link</c> and <c>safeguard dedupe</c>: files in, files out, and no database at all.</summary>
public sealed class LinkageCliTests : IDisposable
{
    private const string Header = "id,given_name,family_name,date_of_birth,sex,postcode,address,nhs_number,upn";
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "safeguard-link-tests", Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Task<CliRun> RunAsync(params string[] args) => CliRunner.WithoutDatabase(Cli.RunAsync, _folder).RunAsync(args);

    private string File(string name, params string[] rows)
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllText(path, string.Join('\n', [Header, .. rows]) + "\n");
        return path;
    }

    private static IEnumerable<string> Town(string prefix, bool noisy)
    {
        string[] given = ["Oliver", "Amelia", "George", "Isla", "Harry", "Noah", "Mia", "Leo", "Freya", "Arthur", "Lily", "Oscar", "Sophie", "Grace", "Thomas"];
        string[] family = ["Smith", "Jones", "Taylor", "Brown", "Patel", "Wright", "Evans", "Walker", "Khan", "Wood", "Hughes", "Ahmed", "Okafor", "Murphy"];
        var rng = new Random(5);
        for (var i = 0; i < 300; i++)
        {
            var first = given[rng.Next(given.Length)];
            var last = family[rng.Next(family.Length)];
            var dob = $"{2005 + rng.Next(14)}-{rng.Next(1, 13):00}-{rng.Next(1, 29):00}";
            var postcode = $"LS{rng.Next(1, 20)} {rng.Next(1, 9)}{(char)('A' + rng.Next(26))}{(char)('A' + rng.Next(26))}";
            if (noisy && i % 5 == 0) first = first.ToUpperInvariant();
            if (noisy && i % 7 == 0) postcode = "";
            yield return $"{prefix}{i},{first},{last},{dob},{(i % 2 == 0 ? "F" : "M")},{postcode},{i + 1} High Street,,";
        }
    }

    [Fact]
    public async Task Link_writes_one_pair_per_person_found_in_both_files()
    {
        var left = File("left.csv", [.. Town("L", noisy: false)]);
        var right = File("right.csv", [.. Town("R", noisy: true)]);
        var pairs = Path.Combine(_folder, "pairs.csv");
        var model = Path.Combine(_folder, "model.json");

        var run = await RunAsync("link", "--left", left, "--right", right, "--out", pairs, "--threshold", "0.9", "--model-out", model);

        Assert.True(run.ExitCode == 0, run.Error);
        var lines = System.IO.File.ReadAllLines(pairs);
        Assert.Equal("left_id,right_id,match_probability,match_weight", lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.InRange(rows.Count, 290, 300);
        Assert.All(rows, r => Assert.Equal(r[0][1..], r[1][1..]));
        Assert.Equal(rows.Count, rows.Select(r => r[1]).Distinct().Count());
        Assert.Contains("\"fields\"", await System.IO.File.ReadAllTextAsync(model, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Dedupe_gives_every_record_a_cluster_and_puts_duplicates_together()
    {
        var input = File("people.csv", [.. Town("A", noisy: false), .. Town("B", noisy: true).Take(50)]);
        var clusters = Path.Combine(_folder, "clusters.csv");

        var run = await RunAsync("dedupe", "--input", input, "--out", clusters);

        Assert.True(run.ExitCode == 0, run.Error);
        var lines = System.IO.File.ReadAllLines(clusters);
        Assert.Equal("id,cluster_id", lines[0]);
        var cluster = lines.Skip(1).Select(l => l.Split(',')).ToDictionary(c => c[0], c => c[1]);
        Assert.Equal(350, cluster.Count);
        Assert.True(Enumerable.Range(0, 50).Count(i => cluster[$"A{i}"] == cluster[$"B{i}"]) >= 48);
    }

    [Theory]
    [InlineData("1,Amy,Smith,2011-3-04,F,,,,", 2, 4)]
    [InlineData("1,Amy,Smith,2011-03-04,F,,,", 2, 9)]
    [InlineData(",Amy,Smith,2011-03-04,F,,,,", 2, 1)]
    public async Task Malformed_input_names_file_line_and_column_and_writes_nothing(string badRow, int line, int column)
    {
        var good = File("good.csv", "9,Ben,Jones,2010-01-01,M,,,,");
        var bad = File("bad.csv", "0,Ann,Lee,2012-02-02,F,,,,", badRow);
        var pairs = Path.Combine(_folder, "pairs.csv");

        var run = await RunAsync("link", "--left", good, "--right", bad, "--out", pairs);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains($"{bad}, line {line + 1}, column {column}", run.Error);
        Assert.False(System.IO.File.Exists(pairs));
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
    }

    [Fact]
    public async Task A_wrong_header_is_named_by_column()
    {
        var path = Path.Combine(_folder, "header.csv");
        await System.IO.File.WriteAllTextAsync(path, "id,first_name,family_name,date_of_birth,sex,postcode,address,nhs_number,upn\n", TestContext.Current.CancellationToken);

        var run = await RunAsync("dedupe", "--input", path, "--out", Path.Combine(_folder, "clusters.csv"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{path}, line 1, column 2", run.Error);
        Assert.False(System.IO.File.Exists(Path.Combine(_folder, "clusters.csv")));
    }
}
