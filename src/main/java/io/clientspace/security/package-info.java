/** Sign-in through the two Keycloak realms, roles, the current user and the staff directory. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.clientspace.security;
