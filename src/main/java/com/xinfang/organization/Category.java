package com.xinfang.organization;

/** A content category (domain.md §5) with the unit that handles it by default. */
public record Category(String code, String name, String description, String defaultUnitCode, String parentCode) {
}
