package io.clientspace.inforequest;

/** Where information requests are in the UI. */
public final class RequestNavigation {

    /** The Requests tab's id on the project workspace ({@code ?tab=requests}). */
    public static final String TAB = "requests";

    private RequestNavigation() {
    }
}
