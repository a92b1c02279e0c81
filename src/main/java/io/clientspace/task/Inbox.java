package io.clientspace.task;

/**
 * The views of "My tasks". OPEN: everything assigned to me. OVERDUE and THIS_WEEK: mine, due before today or by
 * Sunday. UNASSIGNED: nobody's yet, on the clients whose work group I am in (admins and managers: all clients;
 * members: the clients they own).
 */
public enum Inbox { OPEN, OVERDUE, THIS_WEEK, UNASSIGNED }
