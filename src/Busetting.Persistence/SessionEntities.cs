using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Busetting.Persistence;

/// <summary>
/// One sign-in of a user (ASVS 3.3.4): the cookie carries <see cref="Id"/>, the account page lists the user's active
/// sessions from these rows. A session counts as active while its <see cref="StampHash"/> equals the hash of the
/// user's current security stamp (logout, lock, password change and "sign out the others" renew the stamp, so every
/// other session ends at once without touching these rows) and it is within the idle and absolute timeouts.
/// </summary>
public sealed class UserSession
{
    /// <summary>A random identifier (32 hex digits), kept in the authentication cookie's properties.</summary>
    public string Id { get; set; } = "";
    public string UserId { get; set; } = "";

    /// <summary>SHA-256 (hex) of the user's security stamp when this session was signed in or last refreshed.</summary>
    public string StampHash { get; set; } = "";
    public DateTime SignedInAt { get; set; }
    public DateTime LastSeenAt { get; set; }

    /// <summary>The client address after forwarding from a trusted proxy.</summary>
    public string Client { get; set; } = "";

    /// <summary>The browser's User-Agent, cut to <see cref="AgentLength"/> characters.</summary>
    public string Agent { get; set; } = "";

    public const int AgentLength = 300;
}

public sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> e)
    {
        e.ToTable("UserSessions");
        e.HasKey(s => s.Id);
        e.Property(s => s.Id).HasMaxLength(32);
        e.Property(s => s.UserId).HasMaxLength(450);
        e.Property(s => s.StampHash).HasMaxLength(64);
        e.Property(s => s.Client).HasMaxLength(64);
        e.Property(s => s.Agent).HasMaxLength(UserSession.AgentLength);
        e.HasIndex(s => s.UserId);
        e.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
