package com.xinfang.calendar;

/**
 * The two clocks a matter shows for one limit (domain.md §2): the local target (e.g. 3530) and the
 * statutory limit. Missing the target is a warning; missing the statutory limit is overdue.
 */
public record TwoClocks(Deadline target, Deadline statutory) {
}
