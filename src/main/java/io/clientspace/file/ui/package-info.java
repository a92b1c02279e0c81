/** The Files tab: uploads straight to storage, downloads through short-lived links, and the trash. */
package io.clientspace.file.ui;
