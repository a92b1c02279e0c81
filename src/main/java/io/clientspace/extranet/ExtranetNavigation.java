package io.clientspace.extranet;

/** Where external access is in the UI. */
public final class ExtranetNavigation {

    /** The External access tab's id on the client workspace ({@code ?tab=external}). */
    public static final String TAB = "external";

    private ExtranetNavigation() {
    }
}
