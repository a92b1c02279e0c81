/** The application shell (menu, header, error pages) and the UI building blocks every module uses. */
package io.clientspace.shared.ui;
