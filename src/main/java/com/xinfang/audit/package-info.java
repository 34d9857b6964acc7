/** The tamper-evident audit log: every sensitive read and every administrative act. */
@ApplicationModule(displayName = "Audit")
package com.xinfang.audit;

import org.springframework.modulith.ApplicationModule;
