using System.Text.Json;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace Safeguarding.Core.DomesticAbuse.Encompass;

/// <summary>How <see cref="EncompassNotificationContent"/> is written into a notification: NodaTime values as ISO text.</summary>
public static class NotificationContentJson
{
    public static readonly JsonSerializerOptions Options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        .ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);

    public static string Write(EncompassNotificationContent content) => JsonSerializer.Serialize(content, Options);

    public static EncompassNotificationContent Read(string json) =>
        JsonSerializer.Deserialize<EncompassNotificationContent>(json, Options)
        ?? throw new InvalidOperationException("A notification has no content.");
}
