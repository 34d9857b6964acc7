package com.xinfang.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL.
 *
 * @param directory where data and the unpacked binaries live
 * @param port fixed port, or 0 for any free port
 * @param clean wipe the data directory on start (tests only)
 * @param durable fsync and synchronous commit; off only in tests
 * @param sharedBuffers PostgreSQL shared_buffers
 */
@ConfigurationProperties("xinfang.db.embedded-server")
public record EmbeddedDatabaseProperties(@DefaultValue("./data") Path directory, @DefaultValue("15432") int port,
		@DefaultValue("false") boolean clean, @DefaultValue("true") boolean durable,
		@DefaultValue("128MB") String sharedBuffers) {
}
