/** The resource bundles behind every text, in English, German and Russian, and the language choice. */
package io.clientspace.shared.i18n;
