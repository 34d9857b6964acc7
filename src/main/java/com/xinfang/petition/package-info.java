/**
 * The 信访事项 (petition matter): its registration, its lifecycle as a state machine, its
 * petitioners and attachments, the history of every step, and the queries that show it.
 */
@ApplicationModule(displayName = "Petition")
package com.xinfang.petition;

import org.springframework.modulith.ApplicationModule;
