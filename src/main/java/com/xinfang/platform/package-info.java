/**
 * Infrastructure every module stands on: the embedded PostgreSQL, the clock, error mapping.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package com.xinfang.platform;
