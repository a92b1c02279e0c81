/**
 * Information requests: questions and files the team needs from the customer, sent to the portal of a shared project,
 * answered there, reviewed item by item, and run by processes/information-request.bpmn.
 */
package io.clientspace.inforequest;
