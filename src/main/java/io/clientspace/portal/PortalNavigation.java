package io.clientspace.portal;

/**
 * The portal's own pages. The pages of items that other modules own (proposals, requests, acceptances, projects,
 * documents) are named in those modules' navigation classes, so that their mails can link to them.
 */
public final class PortalNavigation {

    /** The portal's start page: the client's shared projects. */
    public static final String HOME = "portal";

    /** The customer's profile. */
    public static final String PROFILE = "portal/profile";

    /** Short-lived downloads of shared files: {@code portal/download/{kind}/{id}}. */
    public static final String DOWNLOAD_PATH = "portal/download/";

    private PortalNavigation() {
    }
}
