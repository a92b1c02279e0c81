package io.clientspace.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** The directory against a fake admin client: what users see when Keycloak is slow, down, or uses groups. */
class StaffDirectoryTests {

    final KeycloakProperties props = new KeycloakProperties("http://kc", "http://kc", "clientspace-staff",
            "clientspace-customers", "app", "s", "portal", "s", "admin-api", "s", "admin-api", "s");
    final Keycloak keycloak = mock(Keycloak.class, RETURNS_DEEP_STUBS);
    final MovableClock clock = new MovableClock();
    final StaffDirectory directory = new StaffDirectory(keycloak, props, clock);

    @Test
    void aRoleGivenThroughAGroupCounts() {
        var realm = keycloak.realm("clientspace-staff");
        UserRepresentation anna = user("anna", "Anna", "Berg");
        GroupRepresentation managers = new GroupRepresentation();
        managers.setId("g1");
        when(realm.roles().get(anyString()).getUserMembers(anyInt(), anyInt())).thenReturn(List.of());
        when(realm.roles().get("manager").getRoleGroupMembers(anyInt(), anyInt())).thenReturn(Set.of(managers));
        when(realm.groups().group("g1").members(anyInt(), anyInt())).thenReturn(List.of(anna));
        when(realm.users().list(anyInt(), anyInt())).thenReturn(List.of(anna));

        assertThat(directory.find("anna")).hasValueSatisfying(m -> {
            assertThat(m.displayName()).isEqualTo("Anna Berg");
            assertThat(m.roles()).contains(Roles.MANAGER);
        });
        assertThat(directory.assignable()).extracting(StaffMember::username).containsExactly("anna");
    }

    @Test
    void whenKeycloakIsDownCallersDoNotEachWaitForItAgain() {
        when(keycloak.realm("clientspace-staff")).thenThrow(new IllegalStateException("Keycloak down"));

        assertThatThrownBy(directory::all).hasMessage("Keycloak down");
        assertThatThrownBy(directory::all).hasMessage("Keycloak down");
        verify(keycloak, times(1)).realm("clientspace-staff");

        clock.advance(Duration.ofSeconds(16));
        assertThatThrownBy(directory::all).hasMessage("Keycloak down");
        verify(keycloak, times(2)).realm("clientspace-staff");
    }

    @Test
    void theLastListIsKeptWhileKeycloakIsUnavailable() {
        var realm = keycloak.realm("clientspace-staff");
        UserRepresentation max = user("max", "Max", "Vogel");
        when(realm.roles().get(anyString()).getUserMembers(anyInt(), anyInt())).thenReturn(List.of(max));
        when(realm.users().list(anyInt(), anyInt())).thenReturn(List.of(max));
        assertThat(directory.displayName("max")).isEqualTo("Max Vogel");

        when(realm.users().list(anyInt(), anyInt())).thenThrow(new IllegalStateException("Keycloak down"));
        clock.advance(Duration.ofMinutes(2));
        assertThat(directory.displayName("max")).isEqualTo("Max Vogel");
        assertThat(directory.displayName("max")).isEqualTo("Max Vogel");
        // one failed refresh, then the back-off: users().list was called once for the load and once for the refresh
        verify(realm.users(), times(2)).list(anyInt(), anyInt());
    }

    private static UserRepresentation user(String username, String first, String last) {
        UserRepresentation u = new UserRepresentation();
        u.setUsername(username);
        u.setFirstName(first);
        u.setLastName(last);
        u.setEnabled(true);
        return u;
    }

    static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-11-22T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        void setTo(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
