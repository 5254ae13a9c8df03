using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguarding.Core.Platform.Organisations;

namespace Safeguarding.Core.Platform.Outbox;

// Outbox tables, prefixed "platform_" with the rest of the platform.

internal sealed class OutboxMessageMapping : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("platform_outbox");
        b.Property(m => m.Destination).HasMaxLength(500);
        b.Property(m => m.DeliveryKey).HasMaxLength(200);
        b.Property(m => m.About).HasMaxLength(100);
        b.Property(m => m.LastError).HasMaxLength(1000);
        b.HasOne<Partnership>().WithMany().HasForeignKey(m => m.PartnershipId);
        b.HasIndex(m => m.DeliveryKey).IsUnique();
        // The dispatcher's question: what is pending and due, oldest first.
        b.HasIndex(m => new { m.Status, m.NextAttemptAt });
        b.HasIndex(m => new { m.PartnershipId, m.Status });
        b.HasIndex(m => m.AboutId);
    }
}

internal sealed class WebhookSubscriptionMapping : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> b)
    {
        b.ToTable("platform_webhook_subscriptions");
        b.Property(w => w.Url).HasMaxLength(500);
        // Room for the encrypted form (SecretsAtRest): a 43-character secret is stored as 180 characters.
        b.Property(w => w.Secret).HasMaxLength(500);
        b.HasOne<Partnership>().WithMany().HasForeignKey(w => w.PartnershipId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(w => w.OrganisationId);
        b.HasIndex(w => w.OrganisationId).IsUnique();
    }
}
