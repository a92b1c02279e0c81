package io.clientspace.inforequest;

/** Why a project's requests cannot be sent now; the UI shows each as a reason next to the disabled action. */
public enum SendBlocker {
    /** Only the project's owner, the client's owner and managers send to the customer. */
    NO_PERMISSION,
    /** The customer sees only shared projects. */
    NOT_SHARED,
    /** Nobody on the customer's side is active or invited in the portal. */
    NO_CONTACTS
}
