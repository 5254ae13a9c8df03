using Safeguarding.Core.Learners.Rolls;

namespace Safeguarding.Core.Tests.Learners;

/// <summary>A Common Transfer File never carries a DTD: one that does is refused before any entity is expanded or fetched.</summary>
public sealed class CtfDtdTests
{
    private static string Ctf(string doctype, string surname) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        {doctype}
        <CTfile>
          <Header><SourceSchool><URN>100001</URN><Estab>2001</Estab></SourceSchool></Header>
          <CTFpupilData>
            <Pupil><UPN>A123456789012</UPN><Surname>{surname}</Surname><Forename>Ava</Forename><DOB>2016-04-05</DOB><Gender>F</Gender></Pupil>
          </CTFpupilData>
        </CTfile>
        """;

    [Fact]
    public void A_ctf_with_entity_expansion_is_refused()
    {
        // "Billion laughs", kept small: before DTDs were refused this parsed, with the surname expanded a thousandfold.
        const string laughs = """
            <!DOCTYPE CTfile [
              <!ENTITY lol "lol">
              <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
            ]>
            """;

        var error = Assert.Throws<RollFileException>(() => RollFiles.Read(Ctf(laughs, "&lol3;"), "roll.xml"));

        Assert.StartsWith("roll.xml:", error.Message, StringComparison.Ordinal);
        Assert.Contains("DTD", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ctf_with_an_external_entity_is_refused()
    {
        const string external = """<!DOCTYPE CTfile [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>""";

        var error = Assert.Throws<RollFileException>(() => RollFiles.Read(Ctf(external, "&secret;"), "roll.xml"));

        Assert.Contains("DTD", error.Message, StringComparison.Ordinal);
    }
}
