/**
 * Analytics for leaders: the indicators of the annual assessment computed from the matters
 * themselves (kept in a rollup that follows every change within a minute), the dashboard with its
 * charts and map, rankings, exports and the annual 法治政府建设 report.
 */
@ApplicationModule(displayName = "Analytics")
package com.xinfang.analytics;

import org.springframework.modulith.ApplicationModule;
