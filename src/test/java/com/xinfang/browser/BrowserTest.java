package com.xinfang.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A journey in a real browser. Without Chromium on the machine the class is skipped (one line
 * says which packages to install), unless the build demands a browser (CI=true or
 * -Dbrowser.required=true), in which case it fails.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(BrowserAvailable.class)
@interface BrowserTest {
}
