using Microsoft.Extensions.Configuration;
using Safeguarding.Core.Platform;

namespace Safeguarding.Core.Tests.Platform;

/// <summary>The settings the web host and the CLI share: one default each, and every bad value named at once.</summary>
public sealed class DeploymentOptionsTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Unset_settings_take_their_one_default()
    {
        var options = DeploymentOptions.FromConfiguration(Settings());

        Assert.Equal("http://localhost:5080", options.PublicBaseUrl);
        Assert.Null(options.KeysDirectory);
        Assert.Equal(Path.Combine("/data", "keys"), options.KeysDirectoryIn("/data"));
        Assert.True(options.BackgroundWork.Enabled);
        Assert.Equal(5, options.BackgroundWork.IntervalSeconds);
    }

    [Fact]
    public void Settings_are_read_from_the_Safeguarding_section()
    {
        var options = DeploymentOptions.FromConfiguration(Settings(
            ("Safeguarding:PublicBaseUrl", "https://hub.example.org/"), ("Safeguarding:KeysDirectory", "/shared/keys"),
            ("Safeguarding:BackgroundWork:Enabled", "false"), ("Safeguarding:BackgroundWork:IntervalSeconds", "30")));

        Assert.Equal("https://hub.example.org/", options.PublicBaseUrl);
        Assert.Equal("/shared/keys", options.KeysDirectoryIn("/data"));
        Assert.False(options.BackgroundWork.Enabled);
        Assert.Equal(30, options.BackgroundWork.IntervalSeconds);
    }

    [Fact]
    public void Every_bad_setting_is_named_in_one_message()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => DeploymentOptions.FromConfiguration(Settings(
            ("Safeguarding:PublicBaseUrl", "mailto:hub@example.org"), ("Safeguarding:BackgroundWork:IntervalSeconds", "-1"))));

        Assert.Contains("Safeguarding:PublicBaseUrl must be an absolute http or https URL", failure.Message);
        Assert.Contains("'mailto:hub@example.org'", failure.Message);
        Assert.Contains("Safeguarding:BackgroundWork:IntervalSeconds must be 1 to 3600 (it is -1)", failure.Message);
    }
}
