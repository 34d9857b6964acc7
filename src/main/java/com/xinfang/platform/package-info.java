/**
 * Infrastructure every module stands on: the embedded PostgreSQL, the clock, error mapping.
 */
@ApplicationModule(displayName = "Platform", type = ApplicationModule.Type.OPEN)
package com.xinfang.platform;

import org.springframework.modulith.ApplicationModule;
