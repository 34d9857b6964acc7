/** Reference data: the region tree, the units (bureaus, departments, centres) and the content categories. */
@ApplicationModule(displayName = "Organization")
package com.xinfang.organization;

import org.springframework.modulith.ApplicationModule;
