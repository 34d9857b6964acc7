/** The staff console: each role's home, the registration desk, lists and the case page. */
@ApplicationModule(displayName = "Console")
package com.xinfang.console;

import org.springframework.modulith.ApplicationModule;
