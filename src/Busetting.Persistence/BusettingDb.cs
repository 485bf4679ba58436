using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Busetting.Persistence;

/// <summary>
/// The application's database. Provider-neutral; <see cref="SqliteBusettingDb"/> and <see cref="PostgresBusettingDb"/>
/// carry one migration set each.
/// </summary>
public abstract class BusettingDb(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    /// <summary>The keys that protect sign-in cookies and antiforgery tokens, shared by every instance of the application.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<PlanningYear> Years => Set<PlanningYear>();
    public DbSet<YearStatusChange> YearStatusChanges => Set<YearStatusChange>();
    public DbSet<NeedEntry> Needs => Set<NeedEntry>();
    public DbSet<CriteriaEntry> CriteriaVersions => Set<CriteriaEntry>();
    public DbSet<AllocationRun> Runs => Set<AllocationRun>();
    public DbSet<RunLine> RunLines => Set<RunLine>();
    public DbSet<Proposal> Proposals => Set<Proposal>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<JustificationVersion> JustificationVersions => Set<JustificationVersion>();
    public DbSet<StepRequest> StepRequests => Set<StepRequest>();
    public DbSet<Decision> Decisions => Set<Decision>();
    public DbSet<DecisionDocument> DecisionDocuments => Set<DecisionDocument>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();
    public DbSet<Letter> Letters => Set<Letter>();
    public DbSet<LetterTemplateEntry> LetterTemplates => Set<LetterTemplateEntry>();
    public DbSet<LetterJob> LetterJobs => Set<LetterJob>();
    public DbSet<MunicipalityLetterLanguage> LetterLanguages => Set<MunicipalityLetterLanguage>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<LetterContact> LetterContacts => Set<LetterContact>();
    public DbSet<UserSession> Sessions => Set<UserSession>();

    /// <summary>
    /// Typed values (<see cref="SettlementYear"/>, <see cref="MunicipalityNumber"/>, <see cref="WrittenStandard"/>,
    /// <see cref="LetterKind"/> by its name, <see cref="Role"/> by its stored name) in the same columns as the plain ones.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<SettlementYear>().HaveConversion<SettlementYearConverter>();
        configurationBuilder.Properties<MunicipalityNumber>().HaveConversion<MunicipalityNumberConverter>();
        configurationBuilder.Properties<WrittenStandard>().HaveConversion<WrittenStandardConverter>();
        configurationBuilder.Properties<LetterKind>().HaveConversion<string>();
        configurationBuilder.Properties<Role>().HaveConversion<RoleConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfiguration(new UserSessionConfiguration());

        builder.Entity<AppUser>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(200);
            e.Property(u => u.Kommunenummer).HasMaxLength(4);
            e.Property(u => u.Fylkesnummer).HasMaxLength(2);
            e.Property(u => u.Language).HasMaxLength(2);
        });
        builder.Entity<PlanningYear>(e =>
        {
            e.HasKey(y => y.Year);
            e.Property(y => y.Year).ValueGeneratedNever();
            e.Property(y => y.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(y => y.Version).IsConcurrencyToken();
        });
        builder.Entity<YearStatusChange>(e =>
        {
            e.Property(c => c.From).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.To).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(c => c.Year);
        });
        builder.Entity<NeedEntry>(e => e.HasIndex(n => new { n.Year, n.Number }).IsUnique());
        builder.Entity<CriteriaEntry>(e => e.HasIndex(c => new { c.Year, c.Number }).IsUnique());
        builder.Entity<AllocationRun>(e =>
        {
            e.HasIndex(r => r.Year);
            e.HasMany(r => r.Lines).WithOne().HasForeignKey(l => l.RunId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<RunLine>(e =>
        {
            e.HasKey(l => new { l.RunId, l.Kommunenummer });
            e.Property(l => l.Kommunenummer).HasMaxLength(4);
        });
        builder.Entity<Proposal>(e =>
        {
            e.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.Kommunenummer).HasMaxLength(4);
            e.Property(p => p.Version).IsConcurrencyToken();
            e.HasIndex(p => new { p.Year, p.Kommunenummer });
            e.HasIndex(p => p.PackageId);
            e.Ignore(p => p.Package);
            e.Property(p => p.ByUserId).HasMaxLength(450);
        });
        builder.Entity<StepRequest>(e =>
        {
            e.Property(r => r.To).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.RequestedBy).HasMaxLength(200);
            e.Property(r => r.RequestedByUserId).HasMaxLength(450);
            e.Property(r => r.ClosedBy).HasMaxLength(200);
            e.Property(r => r.Version).IsConcurrencyToken();
            e.HasIndex(r => r.Year);
        });
        builder.Entity<Comment>(e => e.HasIndex(c => new { c.Year, c.Kommunenummer }));
        builder.Entity<JustificationVersion>(e =>
        {
            e.HasIndex(v => new { v.PackageId, v.Number }).IsUnique();
            e.Property(v => v.By).HasMaxLength(200);
        });
        builder.Entity<Decision>(e =>
        {
            e.Property(d => d.Kommunenummer).HasMaxLength(4);
            e.HasIndex(d => new { d.Year, d.Kommunenummer, d.Version }).IsUnique();
        });
        builder.Entity<AuditEntry>(e => e.HasIndex(a => new { a.Year, a.At }));
        builder.Entity<Letter>(e =>
        {
            e.Property(l => l.Kommunenummer).HasMaxLength(4);
            e.Property(l => l.Kind).HasMaxLength(20);
            e.Property(l => l.Language).HasMaxLength(2);
            e.HasIndex(l => new { l.Year, l.Kommunenummer, l.Kind, l.Version }).IsUnique();
        });
        builder.Entity<LetterTemplateEntry>(e => e.HasIndex(t => new { t.Kind, t.Language, t.Number }).IsUnique());
        builder.Entity<LetterJob>(e => e.Property(j => j.Status).HasConversion<string>().HasMaxLength(20));
        builder.Entity<MunicipalityLetterLanguage>(e =>
        {
            e.HasKey(l => l.Kommunenummer);
            e.Property(l => l.Kommunenummer).HasMaxLength(4);
        });
        builder.Entity<OutboxMessage>(e =>
        {
            e.Property(m => m.Kind).HasMaxLength(20);
            e.Property(m => m.To).HasMaxLength(256);
            e.Property(m => m.Language).HasMaxLength(2);
            e.Property(m => m.Subject).HasMaxLength(300);
            e.Property(m => m.Kommunenummer).HasMaxLength(4);
            e.Property(m => m.DedupeKey).HasMaxLength(200);
            e.Property(m => m.LastError).HasMaxLength(FieldLimits.Note);
            e.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(m => m.Version).IsConcurrencyToken();
            e.HasIndex(m => new { m.Status, m.NextAttemptAt });
            e.HasIndex(m => m.DedupeKey).IsUnique();
        });
        builder.Entity<LetterContact>(e =>
        {
            e.HasKey(c => c.Year);
            e.Property(c => c.Year).ValueGeneratedNever();
            e.Property(c => c.ContactName).HasMaxLength(FieldLimits.Label);
            e.Property(c => c.ContactPhone).HasMaxLength(40);
            e.Property(c => c.ContactEmail).HasMaxLength(256);
            e.Property(c => c.SignerName).HasMaxLength(FieldLimits.Label);
            e.Property(c => c.SignerTitle).HasMaxLength(FieldLimits.Label);
        });

        // Free text: the same limits the services check, so the database refuses what a forgotten check lets through.
        builder.Entity<YearStatusChange>().Property(c => c.Reason).HasMaxLength(FieldLimits.Reason);
        builder.Entity<NeedEntry>().Property(n => n.Reason).HasMaxLength(FieldLimits.Reason);
        builder.Entity<CriteriaEntry>().Property(c => c.Reason).HasMaxLength(FieldLimits.Reason);
        builder.Entity<AllocationRun>().Property(r => r.Label).HasMaxLength(FieldLimits.Label);
        builder.Entity<Proposal>().Property(p => p.Reason).HasMaxLength(FieldLimits.Reason);
        builder.Entity<Proposal>().Property(p => p.DecisionNote).HasMaxLength(FieldLimits.Note);
        builder.Entity<Proposal>().Property(p => p.PublicJustification).HasMaxLength(FieldLimits.Reason);
        builder.Entity<Proposal>().Property(p => p.PublicJustificationNn).HasMaxLength(FieldLimits.Reason);
        builder.Entity<JustificationVersion>().Property(v => v.Nb).HasMaxLength(FieldLimits.Reason);
        builder.Entity<JustificationVersion>().Property(v => v.Nn).HasMaxLength(FieldLimits.Reason);
        builder.Entity<JustificationVersion>().Property(v => v.Reason).HasMaxLength(FieldLimits.Note);
        builder.Entity<StepRequest>().Property(r => r.Reason).HasMaxLength(FieldLimits.Reason);
        builder.Entity<Comment>().Property(c => c.Text).HasMaxLength(FieldLimits.Comment);
        builder.Entity<Decision>().Property(d => d.Note).HasMaxLength(FieldLimits.Note);
        builder.Entity<DecisionDocument>().Property(d => d.FileName).HasMaxLength(FieldLimits.FileName);
        builder.Entity<AuditEntry>().Property(a => a.Reason).HasMaxLength(FieldLimits.Comment);
        builder.Entity<LetterJob>().Property(j => j.Reason).HasMaxLength(FieldLimits.Reason);
        builder.Entity<LetterJob>().Property(j => j.ReasonNn).HasMaxLength(FieldLimits.Reason);
        builder.Entity<LetterTemplateEntry>().Property(t => t.Text).HasMaxLength(FieldLimits.TemplateText);

        // Every timestamp is UTC. SQLite forgets the kind; give it back on read so times never shift.
        var utc = new ValueConverter<DateTime, DateTime>(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(t => t.GetProperties()))
        {
            if (property.ClrType == typeof(DateTime))
            {
                property.SetValueConverter(utc);
            }
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardAppendOnly();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardAppendOnly();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>History tables only grow: an update or delete of an audit entry, a decision version, a need/criteria version or a justification wording is a bug.</summary>
    private void GuardAppendOnly()
    {
        var offending = ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Modified or EntityState.Deleted)
            .Where(e => e.Entity is AuditEntry or Decision or NeedEntry or CriteriaEntry or YearStatusChange or Comment or LetterTemplateEntry or JustificationVersion)
            .Select(e => e.Entity.GetType().Name)
            .FirstOrDefault();
        if (offending is not null)
        {
            throw new InvalidOperationException($"{offending} is append-only; it cannot be changed or deleted");
        }
    }
}

public sealed class SqliteBusettingDb(DbContextOptions<SqliteBusettingDb> options) : BusettingDb(options);

public sealed class PostgresBusettingDb(DbContextOptions<PostgresBusettingDb> options) : BusettingDb(options);
