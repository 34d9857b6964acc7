package com.xinfang.petition;

import java.io.IOException;
import java.io.InputStream;

/** A file a petitioner or registrar attaches, as it arrives from the web layer. */
public interface Upload {

	String fileName();

	long size();

	InputStream open() throws IOException;

}
