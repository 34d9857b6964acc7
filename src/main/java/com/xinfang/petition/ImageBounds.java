package com.xinfang.petition;

import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Named rule: how large an attached picture may be. A small file can declare an enormous picture
 * (a "decompression bomb") that would take gigabytes to show or to make a thumbnail of, so the
 * dimensions are read from the header, without decoding the pixels, and bounded.
 */
final class ImageBounds {

	/** Longest side: a 100-megapixel camera's long side is about 12 000 px. */
	static final int MAX_SIDE = 12_000;

	/** Pixels in all: 100 megapixels. */
	static final long MAX_PIXELS = 100_000_000L;

	private ImageBounds() {
	}

	/** A Chinese reason when the picture is too large; null when it fits or its size cannot be read. */
	static String problem(Path file) throws IOException {
		try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
			if (in == null) {
				return null;
			}
			var readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				return null; // e.g. WEBP, which the JDK cannot read: its size is bounded by the file limit
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				return problem(reader.getWidth(0), reader.getHeight(0));
			}
			catch (IOException | RuntimeException ex) {
				return "无法读取，请重新拍摄或另存为JPG、PNG后上传";
			}
			finally {
				reader.dispose();
			}
		}
	}

	static String problem(long width, long height) {
		if (width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) {
			return "尺寸过大（" + width + "×" + height + "像素），请缩小到每边不超过" + MAX_SIDE + "像素后重新上传";
		}
		return null;
	}

}
