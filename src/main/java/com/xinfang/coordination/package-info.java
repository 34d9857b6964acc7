/**
 * Coordination (协调): 吹哨报到 joint handling of one matter by several units, joint meetings and
 * their decisions, leaders' receptions and visits, and the 三项建议 to units. Its console page also
 * shows the accountability figures (read from the accountability module's API).
 */
@ApplicationModule(displayName = "Coordination")
package com.xinfang.coordination;

import org.springframework.modulith.ApplicationModule;
