/**
 * Exchange with other systems (domain.md §11): partner systems with keys, signing secrets,
 * permissions and per-partner rate limits; Open311 GeoReport v2 for third-party apps; 12345 hotline
 * work orders in and milestones out as signed webhooks from a durable outbox; the national
 * system's hand-over packages. Matters enter only through the petition module's registration.
 */
@ApplicationModule(displayName = "Exchange")
package com.xinfang.exchange;

import org.springframework.modulith.ApplicationModule;
