/**
 * Reports, charts and exports: the pipeline, the workload, the hours and the proposals, read from the modules' tables
 * (never from Camunda history), scoped to the clients the current user may open.
 */
package io.clientspace.reports;
