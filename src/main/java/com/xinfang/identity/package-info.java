/**
 * Who is acting: citizen and staff accounts, roles, data scope, login (form and bearer token),
 * throttling, SMS verification codes.
 */
@ApplicationModule(displayName = "Identity")
package com.xinfang.identity;

import org.springframework.modulith.ApplicationModule;
