using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.Platform;
using Safeguarding.Testing;

namespace Safeguarding.Web.Tests.Hosting;

/// <summary>Where and how the host runs (DeploymentOptions): one default each, and a bad value stops the host at start, saying which.</summary>
public sealed class DeploymentOptionsTests
{
    [Theory]
    [InlineData("Safeguarding:PublicBaseUrl", "hub.example.org", "Safeguarding:PublicBaseUrl must be an absolute http or https URL")]
    [InlineData("Safeguarding:PublicBaseUrl", "ftp://hub.example.org", "Safeguarding:PublicBaseUrl must be an absolute http or https URL")]
    [InlineData("Safeguarding:PublicBaseUrl", "/inbox", "Safeguarding:PublicBaseUrl must be an absolute http or https URL")]
    [InlineData("Safeguarding:BackgroundWork:IntervalSeconds", "0", "Safeguarding:BackgroundWork:IntervalSeconds must be 1 to 3600")]
    [InlineData("Safeguarding:KeysDirectory", "  ", "Safeguarding:KeysDirectory must name a folder")]
    public void A_bad_setting_stops_the_host_at_start_naming_the_setting(string key, string value, string message)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "safeguarding-options-tests", Guid.NewGuid().ToString("N"))).FullName;
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Test");
            b.UseSetting("Database:Provider", nameof(DatabaseProvider.Sqlite));
            b.UseSetting("Safeguarding:DataDirectory", folder);
            b.UseSetting("Safeguarding:DemoMode", "false");
            b.UseSetting("Safeguarding:MigrateOnStart", "false");
            b.UseSetting("Safeguarding:SeedDemoOnStart", "false");
            b.UseSetting(key, value);
        });

        var failure = Record.Exception(() => factory.Server);

        var invalid = Assert.IsType<OptionsValidationException>(failure);
        Assert.Equal(typeof(DeploymentOptions), invalid.OptionsType);
        Assert.Contains(message, invalid.Message);
    }

    [Theory, BothDatabases]
    public async Task The_host_reads_the_public_address_from_its_settings(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);

        var options = host.Factory.Services.GetRequiredService<IOptions<DeploymentOptions>>().Value;
        // appsettings.json's address; the links in notifications start with it.
        Assert.Equal("http://localhost:5080", options.PublicBaseUrl);
        Assert.Equal(options.PublicBaseUrl, host.Factory.Services.GetRequiredService<EncompassDeliveryOptions>().PublicBaseUrl);
        Assert.False(options.BackgroundWork.Enabled);
        Assert.Equal(5, options.BackgroundWork.IntervalSeconds);
    }
}
