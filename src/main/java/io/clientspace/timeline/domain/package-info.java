/** Timeline entries and their repository; internal to the timeline module. */
package io.clientspace.timeline.domain;
