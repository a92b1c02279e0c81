package io.clientspace.extranet;

/** The parts of the portal a contact's {@link ContactPolicy} can show or hide. */
public enum PortalSection {
    PROJECTS, PROPOSALS, INFORMATION_REQUESTS, ACCEPTANCES, DOCUMENTS, MESSAGES, REQUESTS
}
