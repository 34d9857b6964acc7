package com.xinfang.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/** Module event listeners run after the act's commit, off the request thread. */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class AsyncConfiguration {
}
