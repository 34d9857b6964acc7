package com.xinfang.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CollectorCheckTest {

	@Test
	void onlyParallelGcCountsAsTheThroughputCollector() {
		assertThat(CollectorCheck.isThroughputCollector(List.of("PS Scavenge", "PS MarkSweep"))).isTrue();
		assertThat(CollectorCheck.isThroughputCollector(List.of("G1 Young Generation", "G1 Old Generation", "G1 Concurrent GC")))
			.isFalse();
		assertThat(CollectorCheck.isThroughputCollector(List.of("Copy", "MarkSweepCompact"))).isFalse();
		assertThat(CollectorCheck.isThroughputCollector(List.of())).isFalse();
	}

}
