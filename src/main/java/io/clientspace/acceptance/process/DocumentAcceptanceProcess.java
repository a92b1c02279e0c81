package io.clientspace.acceptance.process;

/**
 * Everything in processes/document-acceptance.bpmn that the code relies on. The business key is the acceptance's
 * id. ProcessModelContractTests fails the build when a process owner's edit removes one of these.
 */
public final class DocumentAcceptanceProcess {

    public static final String PROCESS_ID = "document-acceptance";
    public static final String RESOURCE = "processes/document-acceptance.bpmn";

    public static final String START = "AcceptanceSent";
    /** The receive task where an acceptance waits for the customer, the reminder and the deadline. */
    public static final String AWAIT_ACCEPTANCE = "AwaitAcceptance";
    public static final String REMINDER_TIMER = "AcceptanceReminderTimer";
    public static final String SEND_REMINDER = "SendReminder";
    public static final String EXPIRED_TIMER = "AcceptanceExpiredTimer";
    public static final String MARK_EXPIRED = "MarkExpired";
    public static final String END_ACCEPTED = "AcceptanceAccepted";
    public static final String END_EXPIRED = "AcceptanceExpired";
    public static final String END_REMINDED = "ReminderSent";
    /** The boundary event on {@link #AWAIT_ACCEPTANCE} that a withdrawal triggers, and the end it leads to. */
    public static final String WITHDRAWN_EVENT = "AcceptanceWithdrawnByTeam";
    public static final String END_WITHDRAWN = "AcceptanceWithdrawn";

    /**
     * Correlated by the acceptance module after it recorded the evidence, with
     * {@code processInstanceBusinessKey(acceptanceId).correlateAllWithResult()}.
     */
    public static final String MSG_ACCEPTED = "DocumentAccepted";
    /** Correlated the same way after the team withdrew the pending acceptance on its locked row. */
    public static final String MSG_WITHDRAWN = "AcceptanceWithdrawn";

    public static final String VAR_ACCEPTANCE_ID = "acceptanceId";
    /** The deadline, a {@link java.util.Date}; the expiry timer fires at it. */
    public static final String VAR_EXPIRES_AT = "expiresAt";
    /** ISO-8601 duration before the deadline when the reminder goes out; the model sets its default (PT48H). */
    public static final String VAR_REMIND_BEFORE = "remindBefore";

    /** Bean names the model's expressions use. */
    public static final String TIMES_BEAN = "acceptanceTimes";
    public static final String REMIND_DELEGATE = "remindOfAcceptance";
    public static final String MARK_EXPIRED_DELEGATE = "markAcceptanceExpired";

    private DocumentAcceptanceProcess() {
    }
}
