package io.clientspace.extranet.process;

/**
 * Everything in processes/extranet-invitation.bpmn that the code relies on. The business key is the portal
 * account's id. ProcessModelContractTests fails the build when a process owner's edit removes one of these.
 */
public final class ExtranetInvitationProcess {

    public static final String PROCESS_ID = "extranet-invitation";
    public static final String RESOURCE = "processes/extranet-invitation.bpmn";

    public static final String START = "InvitationRequested";
    public static final String PROVISION_IDENTITY = "ProvisionIdentity";
    public static final String SEND_INVITATION = "SendInvitation";
    /** The event-based gateway where an invitation waits for sign-in, re-send, revocation or expiry. */
    public static final String AWAIT_FIRST_SIGN_IN = "AwaitFirstSignIn";
    public static final String SIGNED_IN = "CustomerSignedIn";
    public static final String RESENT = "InvitationResent";
    public static final String REVOKED = "AccessRevoked";
    public static final String EXPIRED_TIMER = "InvitationExpiredTimer";
    public static final String MARK_ACTIVE = "MarkActive";
    public static final String MARK_EXPIRED = "MarkExpired";
    public static final String END_ACCEPTED = "InvitationAccepted";
    public static final String END_EXPIRED = "InvitationExpired";
    public static final String END_REVOKED = "InvitationRevoked";
    /** A manager cancelled the invitation before it was used. */
    public static final String CANCELLED = "CancelledByTeam";
    public static final String END_CANCELLED = "InvitationCancelled";

    /**
     * Message names. Correlate them with {@code createMessageCorrelation(name).processInstanceBusinessKey(accountId)
     * .correlateAllWithResult()}: it returns an empty list, rather than failing, when no invitation waits any more.
     */
    public static final String MSG_SIGNED_IN = "CustomerSignedIn";
    public static final String MSG_RESENT = "InvitationResent";
    public static final String MSG_REVOKED = "AccessRevoked";
    public static final String MSG_CANCELLED = "InvitationCancelled";

    public static final String VAR_PORTAL_ACCOUNT_ID = "portalAccountId";
    /**
     * ISO-8601 duration a sign-in link stays valid, counted from each sending. The model sets its default (P7D) unless
     * the instance is started with a value of its own.
     */
    public static final String VAR_VALID_FOR = "invitationValidFor";

    /** The inviting colleague's language (en, de, ru); the identity gets it, so Keycloak's pages and mails speak it. */
    public static final String VAR_LOCALE = "locale";

    /** Bean names of the delegates the model's service tasks call. */
    public static final String PROVISION_DELEGATE = "provisionCustomerIdentity";
    public static final String SEND_DELEGATE = "sendInvitationMail";
    public static final String MARK_ACTIVE_DELEGATE = "markInvitationActive";
    public static final String MARK_EXPIRED_DELEGATE = "markInvitationExpired";

    private ExtranetInvitationProcess() {
    }
}
