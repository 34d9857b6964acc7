/** The staff console: each role's home, the registration desk, lists and the case page. */
@org.springframework.modulith.ApplicationModule(displayName = "Console")
package com.xinfang.console;
