package com.xinfang.console;

import com.xinfang.petition.Upload;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.web.multipart.MultipartFile;

/** A browser upload as the petition module takes it. */
record MultipartUploadView(MultipartFile file) implements Upload {

	@Override
	public String fileName() {
		return file.getOriginalFilename();
	}

	@Override
	public long size() {
		return file.getSize();
	}

	@Override
	public InputStream open() throws IOException {
		return file.getInputStream();
	}

}
