using Busetting.Letters;

namespace Busetting.Planning;

/// <summary>
/// The planning application layer's services, registered once for every host (the web application, the handler tests).
/// The host adds the database (<see cref="DatabaseSetup"/>), the public page cache (<see cref="IPublicPages"/>) and,
/// for the web, Identity.
/// </summary>
public static class PlanningSetup
{
    /// <param name="dataFolder">The shipped reference data (<see cref="DataFolder.Resolve"/>).</param>
    /// <param name="contentRoot">Where the default letter outbox folder is made.</param>
    public static IServiceCollection AddPlanning(this IServiceCollection services, IConfiguration config, string dataFolder, string contentRoot)
    {
        services.AddSingleton(new ReferenceStore(dataFolder));
        services.AddSingleton<PublicFigures>();
        services.AddSingleton(TimeProvider.System);
        services.AddTransient<PlanningDependencies>();
        // One handler per feature, each transient with a context of its own (PlanningHandler).
        foreach (var handler in new[] { typeof(YearHandler), typeof(NeedHandler), typeof(CriteriaHandler), typeof(RunHandler), typeof(DialogueHandler),
                     typeof(DecisionHandler), typeof(RevisionHandler), typeof(AuditHandler), typeof(PublicationHandler) })
        {
            services.AddTransient(handler);
        }
        // The solvers keep no state between solves, so one runner serves every request.
        services.AddSingleton<IAllocationRunner>(AllocationRunner.Scip());
        services.AddSingleton(new PlanningOptions(config.GetValue("Planning:FourEyes", true),
            config.GetValue("Planning:FourEyesCredentialPeriodDays", 30)));
        services.AddScoped<UserAdminService>();
        // Letters: a service with its own context per use, the outbox channel (replace with digital post in production), background jobs.
        services.AddTransient(sp => new LetterService(
            sp.GetRequiredService<IDbContextFactory<BusettingDb>>().CreateDbContext(),
            sp.GetRequiredService<ReferenceStore>().Data, sp.GetRequiredService<TimeProvider>(), config["Letters:Contact"] ?? "IMDi (imdi.no)"));
        services.AddSingleton<ILetterChannel>(new FolderOutbox(config["Letters:Outbox"] ?? Path.Combine(contentRoot, "outbox")));
        services.AddTransient<LetterDelivery>();
        services.AddSingleton<LetterJobs>();
        services.AddHostedService(sp => sp.GetRequiredService<LetterJobs>());
        // E-mail notifications: written to the outbox table with the change that causes them, sent by a background job (SMTP).
        services.AddSingleton<Notifications>();
        services.AddSingleton<NotificationSender>();
        services.AddHostedService(sp => sp.GetRequiredService<NotificationSender>());
        return services;
    }
}
