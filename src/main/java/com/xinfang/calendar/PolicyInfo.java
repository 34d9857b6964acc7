package com.xinfang.calendar;

/** A time-limit policy as the admin page shows it. */
public record PolicyInfo(Policy policy, String name, String description) {
}
