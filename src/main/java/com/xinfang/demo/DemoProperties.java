package com.xinfang.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled seed demo data; unset means "only on the embedded database"
 * @param petitions how many sample petitions to create on an empty database
 * @param strict a failure while seeding stops the start instead of being logged and skipped (the
 *     integration tests rely on the demo data, so they set it)
 */
@ConfigurationProperties("xinfang.demo")
record DemoProperties(Boolean enabled, @DefaultValue("200") int petitions, boolean strict) {
}
