using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Safeguarding.Core.DomesticAbuse;
using Safeguarding.Core.Exploitation.Intelligence;
using Safeguarding.Core.Exploitation.Missing;
using Safeguarding.Core.Learners;
using Safeguarding.Core.Meetings;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;

namespace Safeguarding.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Where the data lives. The embedded default is a SQLite file in ./data (relative to the working
/// directory), so the web host and the CLI started from the same folder share one database.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, string DataDirectory)
{
    public const string SqliteMigrationsAssembly = "Safeguarding.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Safeguarding.Migrations.Postgres";

    /// <summary>Reads "Safeguarding:DataDirectory", "Database:Provider" and "ConnectionStrings:Safeguarding".</summary>
    public static DatabaseSettings FromConfiguration(IConfiguration configuration)
    {
        var dataDirectory = Path.GetFullPath(configuration["Safeguarding:DataDirectory"] is { Length: > 0 } d ? d : "data");
        var providerText = configuration["Database:Provider"];
        var provider = string.IsNullOrEmpty(providerText)
            ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(providerText, ignoreCase: true, out var p)
                ? p
                : throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not '{providerText}'.");
        var connectionString = configuration.GetConnectionString("Safeguarding");
        if (string.IsNullOrEmpty(connectionString))
        {
            if (provider == DatabaseProvider.Postgres)
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Safeguarding is not set.");
            connectionString = $"Data Source={Path.Combine(dataDirectory, "safeguarding.db")}";
        }
        return new DatabaseSettings(provider, connectionString, dataDirectory);
    }

    public void Apply(DbContextOptionsBuilder options)
    {
        switch (Provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(ConnectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly));
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(ConnectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly).UseNodaTime());
                break;
        }
    }
}

public static class DataServiceCollectionExtensions
{
    public static IServiceCollection AddSafeguardingData(this IServiceCollection services, DatabaseSettings settings)
    {
        if (settings.Provider == DatabaseProvider.Sqlite)
            Directory.CreateDirectory(settings.DataDirectory);
        services.AddSingleton(settings);
        services.AddSingleton<IClock>(SystemClock.Instance);
        services.AddDbContext<SafeguardingDbContext>(settings.Apply);
        // Each module registers its own services.
        services.AddPlatform();
        services.AddPeople();
        services.AddLearners();
        services.AddMeetings();
        services.AddDomesticAbuse();
        services.AddExploitationIntelligence();
        services.AddExploitationMissing();
        Health.HealthModule.AddHealth(services);
        Exploitation.Mace.MaceModule.AddExploitationMace(services);
        Exploitation.Contexts.ContextsModule.AddExploitationContexts(services);
        Exploitation.Shield.ViolenceIncidentsModule.AddExploitationViolenceIncidents(services);
        Health.SelfAssessment.SelfAssessmentModule.AddHealthSelfAssessment(services);
        Exploitation.Navigator.NavigatorModule.AddExploitationNavigator(services);
        Exploitation.Pregnancy.PregnancyModule.AddExploitationPregnancyAndResettlement(services);
        Exploitation.Shield.ShieldModule.AddExploitationShield(services);
        Exploitation.Roth.RothModule.AddExploitationRothAndNrm(services);
        SupportRegister.SupportRegisterModule.AddSupportRegister(services);
        Assurance.AssuranceModule.AddAssurance(services);
        FrontDoor.FrontDoorModule.AddFrontDoor(services);
        return services;
    }
}
