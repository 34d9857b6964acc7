/** Reference data: the region tree, the units (bureaus, departments, centres) and the content categories. */
@org.springframework.modulith.ApplicationModule(displayName = "Organization")
package com.xinfang.organization;
