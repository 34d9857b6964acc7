/**
 * Demo mode: Changde's demo accounts (api-contract.md) and sample petitions, created when the
 * platform runs on its embedded database, never on an external one unless asked for.
 */
@ApplicationModule(displayName = "Demo data")
package com.xinfang.demo;

import org.springframework.modulith.ApplicationModule;
