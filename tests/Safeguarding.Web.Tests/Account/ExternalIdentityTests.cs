using System.Security.Claims;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Tests.Account;

public sealed class ExternalIdentityTests
{
    [Fact]
    public void An_organisation_sign_in_is_keyed_by_issuer_and_subject()
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim("iss", "https://login.example.org/tenant"), new Claim("sub", "abc-123")], "oidc"));

        Assert.Equal(("https://login.example.org/tenant", "abc-123"), ExternalIdentity.KeyOf(principal));
    }

    [Fact]
    public void The_same_subject_at_two_issuers_is_two_people()
    {
        var a = ExternalIdentity.KeyOf(new ClaimsPrincipal(new ClaimsIdentity([new Claim("iss", "https://police.example"), new Claim("sub", "42")], "oidc")));
        var b = ExternalIdentity.KeyOf(new ClaimsPrincipal(new ClaimsIdentity([new Claim("iss", "https://nhs.example"), new Claim("sub", "42")], "oidc")));

        Assert.NotEqual(a, b);
    }

    [Fact]
    public void A_sign_in_without_an_issuer_is_not_accepted()
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "42")], "oidc"));

        Assert.Null(ExternalIdentity.KeyOf(principal));
    }

    [Theory]
    [InlineData("mfa", true)]
    [InlineData("otp", true)]
    [InlineData("hwk", true)]
    [InlineData("pwd", false)]
    public void Only_a_provider_that_says_it_used_a_second_factor_skips_our_own_code(string amr, bool skips)
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim("amr", amr)], "oidc"));

        Assert.Equal(skips, ExternalIdentity.ProviderUsedMfa(principal));
    }
}
