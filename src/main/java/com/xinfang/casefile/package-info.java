/**
 * 一人一档 and the same matter told twice: matching petitioners across matters, repeat and
 * duplicate detection (indexed candidates, re-scored in Java), merging a confirmed repeat, grouping
 * collective matters, and the staff's full-text search. Its derived data lives in its own tables,
 * written in the registration's transaction; the petition module knows it only as a
 * {@link com.xinfang.petition.RegistrationAdvisor}.
 */
@ApplicationModule(displayName = "Case files")
package com.xinfang.casefile;

import org.springframework.modulith.ApplicationModule;
