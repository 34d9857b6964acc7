package com.xinfang.calendar;

import java.time.LocalDate;

/** A due date and the rule it came from (whose {@code policy()} says which policy supplied it). */
public record Deadline(TimeLimitRule rule, LocalDate due) {
}
