/**
 * 法治宣传 (rule-of-law publicity): the question bank on the 《信访工作条例》 and related laws, the
 * public challenge 信访工作法治化线上答题·等你来挑战 (drawn, timed and scored on the server, with daily
 * caps, leaderboards, verifiable certificates and honest visit counts), staff law study and exams,
 * and the publicity ledger. {@link com.xinfang.publicity.PublicityFigures} is the query the annual
 * report reads.
 */
@ApplicationModule(displayName = "Publicity")
package com.xinfang.publicity;

import org.springframework.modulith.ApplicationModule;
