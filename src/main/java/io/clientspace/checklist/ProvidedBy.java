package io.clientspace.checklist;

/** Who brings a required document: the client (it can be requested in the portal) or the firm itself. */
public enum ProvidedBy {
    CLIENT, FIRM
}
