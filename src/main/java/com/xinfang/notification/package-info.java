/** Tells petitioners by SMS when their matter reaches a milestone (登记, 受理告知, 意见书, ...). */
@org.springframework.modulith.ApplicationModule(displayName = "Notification")
package com.xinfang.notification;
