package io.clientspace.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.security.core.GrantedAuthority;

/** Which authorities a staff member gets from the realm roles Keycloak puts in the {@code roles} claim. */
class KeycloakUserMappingTests {

    private static Set<String> authorities(Collection<String> realmRoles) {
        return KeycloakUserMapping.staffAuthorities(realmRoles).stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
    }

    @ParameterizedTest(name = "realm role {0} -> {1}")
    @CsvSource({
            "admin, ROLE_ADMIN",
            "manager, ROLE_MANAGER",
            "member, ROLE_MEMBER",
            "process-owner, ROLE_PROCESS_OWNER"})
    void eachRealmRoleBecomesItsAuthorityNextToStaff(String realmRole, String authority) {
        assertThat(authorities(List.of(realmRole))).containsExactlyInAnyOrder(authority, "ROLE_STAFF");
    }

    @Test
    void severalRolesAreAllMapped() {
        assertThat(authorities(List.of("manager", "process-owner", "member")))
                .containsExactlyInAnyOrder("ROLE_MANAGER", "ROLE_PROCESS_OWNER", "ROLE_MEMBER", "ROLE_STAFF");
    }

    @Test
    void keycloaksOwnRolesAndUnknownRolesGrantNothingExtra() {
        assertThat(authorities(List.of("default-roles-clientspace-staff", "offline_access", "uma_authorization",
                "Admin", "ADMIN", "customer", "member")))
                .containsExactlyInAnyOrder("ROLE_MEMBER", "ROLE_STAFF");
    }

    @Test
    void aStaffMemberWithoutRolesIsOnlyStaff() {
        assertThat(authorities(null)).containsExactly("ROLE_STAFF");
        assertThat(authorities(List.of())).containsExactly("ROLE_STAFF");
        assertThat(authorities(Arrays.asList("offline_access"))).containsExactly("ROLE_STAFF");
    }

    @Test
    void aStaffMemberNeverBecomesACustomer() {
        assertThat(authorities(List.of("customer", "CUSTOMER", "admin"))).doesNotContain("ROLE_CUSTOMER");
    }
}
