using System.Reflection;

namespace Busetting.Persistence;

/// <summary>
/// Every kind of <see cref="AuditEntry.Action"/> the application writes, once: each writer names its kind here, so the
/// audit page can give every kind a Norwegian name (AuditTexts) and a test can check that none is left without one.
/// The part before the first dot is the search type on /revisjonsspor ("letters.generate" is a "letters" entry).
/// </summary>
public static class AuditActions
{
    public const string YearCreate = "year.create";
    public const string YearSeed = "year.seed";
    public const string YearStatus = "year.status";
    public const string YearDeadline = "year.deadline";
    public const string YearConsultationDeadline = "year.consultationDeadline";
    public const string YearStepRequest = "year.step.request";
    public const string YearStepWithdraw = "year.step.withdraw";
    public const string YearStepDecline = "year.step.decline";
    public const string NeedAdd = "need.add";
    public const string CriteriaAdd = "criteria.add";
    public const string RunCreate = "run.create";
    public const string ProposalCreate = "proposal.create";
    public const string ProposalAccept = "proposal.accept";
    public const string ProposalReject = "proposal.reject";
    public const string ProposalWithdraw = "proposal.withdraw";
    public const string ProposalJustification = "proposal.justification";
    public const string CommentAdd = "comment.add";
    public const string DecisionRegister = "decision.register";
    public const string DecisionCorrect = "decision.correct";
    public const string LettersGenerate = "letters.generate";
    public const string LettersLanguage = "letters.language";
    public const string LettersContact = "letters.contact";
    public const string LettersJobInterrupted = "letters.job.interrupted";
    public const string LetterSend = "letter.send";
    public const string TemplateSave = "template.save";
    public const string NotificationResend = "notification.resend";
    public const string ReadUnpublished = "read.unpublished";
    public const string UserCreate = "user.create";
    public const string UserLock = "user.lock";
    public const string UserUnlock = "user.unlock";
    public const string UserPasswordReset = "user.password-reset";
    public const string UserPassword = "user.password";
    public const string UserLink = "user.link";
    public const string UserMfaEnrol = "user.mfa.enrol";
    public const string UserMfaRecoveryCodes = "user.mfa.recovery-codes";
    public const string UserMfaRecoveryUsed = "user.mfa.recovery-used";
    public const string UserMfaReset = "user.mfa.reset";

    /// <summary>The actor stored for what the application does on its own (first start, an interrupted letter job, a link by verified e-mail).</summary>
    public const string SystemActor = "system";

    /// <summary>Every kind above, in the order written here.</summary>
    public static IReadOnlyList<string> All { get; } = typeof(AuditActions).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.Name != nameof(SystemActor)).Select(f => (string)f.GetRawConstantValue()!).ToList();
}
