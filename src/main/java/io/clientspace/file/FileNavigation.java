package io.clientspace.file;

/** Where files are in the UI. */
public final class FileNavigation {

    /** The Files tab's id on the client and project workspaces ({@code ?tab=files}). */
    public static final String TAB = "files";

    private FileNavigation() {
    }
}
