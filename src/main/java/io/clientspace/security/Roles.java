package io.clientspace.security;

/** Spring authority names. Staff realm roles map to these; every customer gets {@link #CUSTOMER}. */
public final class Roles {
    public static final String ADMIN = "ADMIN";
    public static final String MANAGER = "MANAGER";
    public static final String MEMBER = "MEMBER";
    public static final String PROCESS_OWNER = "PROCESS_OWNER";
    /** Every signed-in user of the staff realm. */
    public static final String STAFF = "STAFF";
    /** Every signed-in user of the customers realm. */
    public static final String CUSTOMER = "CUSTOMER";

    /** Registration ids in application.yml, one per realm. */
    public static final String STAFF_REGISTRATION = "staff";
    public static final String CUSTOMER_REGISTRATION = "customers";

    private Roles() {
    }

    /** Maps a Keycloak realm role ("process-owner") to an authority name ("PROCESS_OWNER"), or null if unknown. */
    static String fromRealmRole(String realmRole) {
        return switch (realmRole) {
            case "admin" -> ADMIN;
            case "manager" -> MANAGER;
            case "member" -> MEMBER;
            case "process-owner" -> PROCESS_OWNER;
            default -> null;
        };
    }
}
