/** The project screens: the list, the Projects tab on a client, the project form and the project workspace header. */
@org.springframework.modulith.NamedInterface("ui")
package io.clientspace.project.ui;
