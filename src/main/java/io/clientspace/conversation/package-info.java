/**
 * Conversations about the work: today the thread of each project between the customer and the team, which the
 * portal shows to the customer and the Comments tab to the team.
 */
package io.clientspace.conversation;
