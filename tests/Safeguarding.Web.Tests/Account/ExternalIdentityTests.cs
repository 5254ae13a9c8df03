using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Core.Platform.Users;
using Safeguarding.Testing;
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

/// <summary>The organisation's provider is stood in for by a sign-in manager that reports the identity it vouched for.</summary>
public sealed class ExternalSignInTests
{
    private const string Issuer = "https://login.police.example/tenant";
    private const string Subject = "officer-42";

    private sealed class VouchingSignInManager(UserManager<User> users, IHttpContextAccessor http, IUserClaimsPrincipalFactory<User> claims,
        IOptions<IdentityOptions> options, ILogger<SignInManager<User>> logger, IAuthenticationSchemeProvider schemes, IUserConfirmation<User> confirmation)
        : SignInManager<User>(users, http, claims, options, logger, schemes, confirmation)
    {
        public override Task<ExternalLoginInfo?> GetExternalLoginInfoAsync(string? expectedXsrf = null) =>
            Task.FromResult<ExternalLoginInfo?>(new ExternalLoginInfo(
                new ClaimsPrincipal(new ClaimsIdentity([new Claim("iss", Issuer), new Claim("sub", Subject), new Claim("amr", "mfa")], "oidc")),
                Issuer, Subject, "Police sign-in"));
    }

    [Theory, BothDatabases]
    public async Task A_disabled_account_is_refused_however_the_organisation_vouches_for_the_person(DatabaseProvider provider)
    {
        await using var host = await TestHost.CreateAsync(provider, s => s.AddScoped<SignInManager<User>, VouchingSignInManager>());
        var partnership = await host.Data.CreatePartnershipAsync();
        var police = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.PoliceForce);
        var officer = await host.Data.CreateUserAsync(police, Role.PoliceDomesticAbuse);
        await host.Data.SaveAsync(db =>
        {
            db.Set<IdentityUserLogin<Guid>>().Add(new() { UserId = officer.User.Id, LoginProvider = Issuer, ProviderKey = Subject, ProviderDisplayName = "Police sign-in" });
            db.Users.Single(u => u.Id == officer.User.Id).IsDisabled = true;
        });
        var client = host.AnonymousClient();

        var callback = await client.GetAsync("/account/external-sign-in?handler=Callback");

        Assert.Equal(HttpStatusCode.OK, callback.StatusCode);
        Assert.False(callback.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.Contains("safeguarding.session", StringComparison.Ordinal)));
        await using var db = host.NewContext();
        Assert.Equal(AuditOutcome.Denied, (await db.AuditEntries.SingleAsync(e => e.Action == AuditActions.SignIn && e.ResourceId == officer.User.Id.ToString())).Outcome);
    }
}
