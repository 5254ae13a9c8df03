using System.Globalization;
using Safeguarding.Linkage;
using Safeguarding.Linkage.Files;

namespace Safeguarding.Benchmarks.Linkage;

/// <summary>A benchmark input: two canonical CSV files and the truth (record id → person key), which only scoring sees.</summary>
public sealed record Dataset(string Name, string LeftPath, string RightPath, Dictionary<string, string> TruthLeft, Dictionary<string, string> TruthRight)
{
    /// <summary>Each twin's person key to their twin's, where the data has twins (the harness counts twin-to-twin links).</summary>
    public Dictionary<string, string> TwinOf { get; init; } = [];

    public long TruePairs()
    {
        var right = TruthRight.Values.GroupBy(v => v).ToDictionary(g => g.Key, g => (long)g.Count());
        return TruthLeft.Values.Sum(v => right.GetValueOrDefault(v));
    }
}

public static class Datasets
{
    public static string SharedFolder()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("SAFEGUARDING_DATASETS");
        if (!string.IsNullOrEmpty(fromEnvironment)) return fromEnvironment;
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Safeguarding.slnx"))) dir = dir.Parent;
        if (dir?.Parent is null) throw new InvalidOperationException("Cannot find the repository root (Safeguarding.slnx).");
        return Path.Combine(dir.Parent.FullName, "shared", "datasets");
    }

    /// <summary>FEBRL 4a x 4b: the truth is the N of rec-N; the address is street number, address lines, suburb and state.</summary>
    public static Dataset Febrl4(string folder)
    {
        var source = Path.Combine(SharedFolder(), "febrl");
        var (left, truthLeft) = ReadFebrl(Path.Combine(source, "dataset4a.csv"));
        var (right, truthRight) = ReadFebrl(Path.Combine(source, "dataset4b.csv"));
        var leftPath = Path.Combine(folder, "febrl4a.csv");
        var rightPath = Path.Combine(folder, "febrl4b.csv");
        PersonCsv.Write(leftPath, left);
        PersonCsv.Write(rightPath, right);
        return new Dataset("FEBRL4", leftPath, rightPath, truthLeft, truthRight);
    }

    public static (List<PersonRecord>, Dictionary<string, string>) ReadFebrl(string path)
    {
        var people = new List<PersonRecord>();
        var truth = new Dictionary<string, string>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var c = line.Split(',').Select(s => s.Trim()).ToArray();
            var id = c[0];
            var dob = c[9].Length == 8 && c[9].All(char.IsAsciiDigit) ? $"{c[9][..4]}-{c[9][4..6]}-{c[9][6..8]}" : null;
            var address = string.Join(' ', new[] { c[3], c[4], c[5], c[6], c[8] }.Where(s => s.Length > 0));
            people.Add(new PersonRecord(id, c[1], c[2], dob, null, c[7], address));
            truth[id] = id.Split('-')[1];
        }
        return (people, truth);
    }

    /// <summary>ONS CIS x PRD: ids are row numbers (person_id, cis_id and prd_id stay with the truth, unseen by the engine).</summary>
    public static Dataset Ons(string folder)
    {
        var source = Path.Combine(SharedFolder(), "ons-essnet");
        var (left, truthLeft) = ReadOns(Path.Combine(source, "cis.csv"), "cis", hasAddress: true);
        var (right, truthRight) = ReadOns(Path.Combine(source, "prd.csv"), "prd", hasAddress: false);
        var leftPath = Path.Combine(folder, "cis.csv");
        var rightPath = Path.Combine(folder, "prd.csv");
        PersonCsv.Write(leftPath, left);
        PersonCsv.Write(rightPath, right);
        return new Dataset("ONS CIS x PRD", leftPath, rightPath, truthLeft, truthRight);
    }

    private static (List<PersonRecord>, Dictionary<string, string>) ReadOns(string path, string prefix, bool hasAddress)
    {
        var people = new List<PersonRecord>();
        var truth = new Dictionary<string, string>();
        var row = 0;
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var c = line.Split(',');
            var id = $"{prefix}-{++row}";
            static string Part(string s, int width) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v.ToString(new string('0', width), CultureInfo.InvariantCulture) : new string('0', width);
            var dob = $"{Part(c[6], 4)}-{Part(c[5], 2)}-{Part(c[4], 2)}";
            people.Add(new PersonRecord(id, c[1], c[2], dob == "0000-00-00" ? null : dob, c[3], hasAddress ? c[8] : c[7], hasAddress ? c[7] : null));
            truth[id] = c[0];
        }
        return (people, truth);
    }
}
