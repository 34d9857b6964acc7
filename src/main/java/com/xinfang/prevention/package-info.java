/**
 * 源头治理 beyond the grid and mediation: key persons (重点人员) under 包案 — case ownership with a
 * responsible leader (包化解) and a grid worker (包稳控), a follow-up schedule and a review date, seen
 * only by the roles named and audited on every view and change; the 无上访村(社区) rating computed from
 * the data with configurable indicators and one-vote-veto items, self-assessed by the village,
 * reviewed by the township and approved by the county; and the 社会稳定风险评估 of major decisions,
 * the 前置程序 before a decision is recorded as taken. Talks to petition, mediation and grid only
 * through their public APIs; the petition module knows nothing of it.
 */
@ApplicationModule(displayName = "Prevention")
package com.xinfang.prevention;

import org.springframework.modulith.ApplicationModule;
