using Microsoft.AspNetCore.Identity;
using Safeguarding.Core.Platform.Users;
using Safeguarding.Web.Access;
using Xunit;

namespace Safeguarding.Web.Tests.Account;

/// <summary>ASVS 2.1.7: a password found in breach corpora is refused, however long it is.</summary>
public sealed class PasswordRulesTests
{
    private static Task<IdentityResult> Check(string password) =>
        new PasswordRules().ValidateAsync(null!, new User { Email = "key.adult@school.example", DisplayName = "Key Adult" }, password);

    [Theory]
    [InlineData("manchesterunited")]
    [InlineData("WinnieThePooh")] // case does not make a breached password new
    [InlineData("tequieromucho")]
    [InlineData("123456qwerty")] // in SecLists' top 100,000 of ten million, not in rockyou-75
    [InlineData("1234567899876543")] // near the end of that list
    public async Task A_long_password_from_the_breached_list_is_refused(string password)
    {
        var result = await Check(password);

        Assert.Contains(result.Errors, e => e.Code == "PasswordCommon");
    }

    [Fact]
    public async Task A_long_password_no_breach_holds_is_accepted()
    {
        var result = await Check("ochre kettle under the viaduct");

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void The_shipped_list_is_the_breach_corpus_not_a_handful()
    {
        Assert.True(PasswordRules.IsCommon("123456"));
        Assert.True(PasswordRules.IsCommon("hannahmontana"));
        Assert.True(PasswordRules.ListedCount >= 100_000, $"only {PasswordRules.ListedCount} breached passwords are shipped");
        Assert.False(PasswordRules.IsCommon("ochre kettle under the viaduct"));
    }
}
