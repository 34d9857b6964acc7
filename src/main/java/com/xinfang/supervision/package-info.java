/**
 * Supervision of deadlines: the sweep that reminds handlers and warns heads and supervisors, and
 * the supervisor's board of overdue and due-soon matters.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Supervision")
package com.xinfang.supervision;
