/**
 * 矛盾纠纷多元化解 under 《中华人民共和国人民调解法》: the dispute register (parties' personal data
 * encrypted, masked and scoped like petitioners), risk levels with their owners and history, the
 * mediation organisations of four kinds with their rooms (调解室) and mediators, and the flow
 * 登记 → 分流 → 调解 → 达成协议 / 未达成 → 履行回访 → 结案 with the 调解协议书 (Art 29) or an oral
 * agreement (Art 28), archived with the case (Art 27). Talks to the petition module only through its
 * public API.
 */
@ApplicationModule(displayName = "Mediation")
package com.xinfang.mediation;

import org.springframework.modulith.ApplicationModule;
