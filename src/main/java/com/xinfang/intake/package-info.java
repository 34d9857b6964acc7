/**
 * Intake: the citizen portal (网上信访, 查询评价, 我的信访), the county QR codes (一县一码), and the
 * staff registration of letters, visits and calls.
 */
@ApplicationModule(displayName = "Intake")
package com.xinfang.intake;

import org.springframework.modulith.ApplicationModule;
