package com.xinfang.petition;

import java.io.IOException;

/** Test files for other packages' tests. */
public final class AttachmentSafetyTestSupport {

	private AttachmentSafetyTestSupport() {
	}

	/** A PNG that declares the given size in its header (a few dozen bytes). */
	public static byte[] pngHeader(int width, int height) throws IOException {
		return AttachmentSafetyTest.pngHeader(width, height);
	}

}
