package com.xinfang.platform;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says at start-up which garbage collector the JVM runs, and warns when it is not the throughput
 * collector the deployment asks for: on a two-core server the JVM's own choice (G1) cost a
 * registration 0.8 ms more CPU (docs/operations.md "The JVM"), and nothing else shows it.
 */
@Component
class CollectorCheck {

	private static final Logger log = LoggerFactory.getLogger(CollectorCheck.class);

	@EventListener(ApplicationReadyEvent.class)
	void report() {
		List<String> names = ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList();
		if (isThroughputCollector(names)) {
			log.info("garbage collector: {} (the throughput collector)", names);
		}
		else {
			log.warn("garbage collector: {}; run with -XX:+UseParallelGC for the registration throughput measured "
					+ "(docs/operations.md \"The JVM\")", names);
		}
	}

	/** ParallelGC's collectors are called "PS Scavenge" and "PS MarkSweep". */
	static boolean isThroughputCollector(List<String> collectorNames) {
		return !collectorNames.isEmpty() && collectorNames.stream().allMatch(n -> n.startsWith("PS "));
	}

}
