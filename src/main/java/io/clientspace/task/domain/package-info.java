/** Tasks, comments and time entries, with their repositories; internal to the task module. */
package io.clientspace.task.domain;
