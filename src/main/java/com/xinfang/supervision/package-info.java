/**
 * Supervision of deadlines: the sweep that reminds handlers and warns heads and supervisors, the
 * supervisor's board of overdue and due-soon matters, 督办 orders with their written replies, and
 * leaders' case ownership (领导包案). Joint handling, meetings and 三项建议 are in
 * {@code coordination}; accountability rates, the backlog and Art 26 in {@code accountability}.
 */
@ApplicationModule(displayName = "Supervision")
package com.xinfang.supervision;

import org.springframework.modulith.ApplicationModule;
