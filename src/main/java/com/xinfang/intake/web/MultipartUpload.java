package com.xinfang.intake.web;

import com.xinfang.petition.Upload;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.web.multipart.MultipartFile;

/** A browser upload as the petition module takes it. */
record MultipartUpload(MultipartFile file) implements Upload {

	static List<MultipartUpload> of(List<MultipartFile> files) {
		return files == null ? List.of() : files.stream().filter(f -> f != null && !f.isEmpty()).map(MultipartUpload::new).toList();
	}

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
