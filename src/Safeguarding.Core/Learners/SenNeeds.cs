namespace Safeguarding.Core.Learners;

/// <summary>The school census's primary type of need codes, with the names the DfE gives them, for pages and charts.</summary>
public static class SenNeeds
{
    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["SPLD"] = "Specific learning difficulty",
        ["MLD"] = "Moderate learning difficulty",
        ["SLD"] = "Severe learning difficulty",
        ["PMLD"] = "Profound and multiple learning difficulty",
        ["SEMH"] = "Social, emotional and mental health",
        ["SLCN"] = "Speech, language and communication needs",
        ["HI"] = "Hearing impairment",
        ["VI"] = "Vision impairment",
        ["MSI"] = "Multi-sensory impairment",
        ["PD"] = "Physical disability",
        ["ASD"] = "Autistic spectrum disorder",
        ["OTH"] = "Other difficulty or disability",
        ["NSA"] = "SEN support but no specialist assessment of type of need",
    };

    /// <summary>The need's name; a code the census does not define is shown as it came.</summary>
    public static string Name(string code) => Names.GetValueOrDefault(code, code);
}
