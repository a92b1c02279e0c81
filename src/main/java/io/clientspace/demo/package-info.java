/** Demo data for the local run and the demo deployment. */
package io.clientspace.demo;
