package com.xinfang.analytics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;

/**
 * POI's streaming workbook spills rows to temporary files under a directory shared by every user of
 * the machine ({@code /tmp/poifiles}); whoever creates it first owns it and everyone else's exports
 * fail. This process therefore uses a directory of its own, private to its user.
 */
final class PoiTempFiles {

	private static volatile boolean configured;

	private PoiTempFiles() {
	}

	static void useOwnDirectory() {
		if (configured) {
			return;
		}
		synchronized (PoiTempFiles.class) {
			if (!configured) {
				try {
					var dir = Files.createTempDirectory("xinfang-poi-").toFile();
					dir.deleteOnExit();
					TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(dir));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				configured = true;
			}
		}
	}

}
