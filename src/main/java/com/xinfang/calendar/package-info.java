/**
 * The working-day calendar of mainland China (statutory holidays and 调休 make-up working days,
 * kept in an editable table) and the named time-limit policies: the law (《信访工作条例》 2022)
 * and local targets such as Changde's "3530". Other modules ask it when a limit falls due and how
 * close a due date is; they never count days themselves.
 */
@ApplicationModule(displayName = "Calendar and time limits")
package com.xinfang.calendar;

import org.springframework.modulith.ApplicationModule;
