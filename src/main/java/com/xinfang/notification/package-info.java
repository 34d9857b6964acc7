/**
 * Tells people what they need to know: petitioners by SMS when their matter reaches a public
 * milestone (from {@link com.xinfang.petition.PetitionEvent}), staff by notices addressed to a
 * unit's roles ({@link com.xinfang.notification.StaffNotices}: reminders, 督办, 吹哨报到, a repeat
 * merged into a matter they handle).
 */
@ApplicationModule(displayName = "Notification")
package com.xinfang.notification;

import org.springframework.modulith.ApplicationModule;
