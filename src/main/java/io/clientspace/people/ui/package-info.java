/** The Members tab on each client workspace. */
package io.clientspace.people.ui;
