/** The tamper-evident audit log: every sensitive read and every administrative act. */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package com.xinfang.audit;
