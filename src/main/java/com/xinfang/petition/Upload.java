package com.xinfang.petition;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.web.multipart.MultipartFile;

/** A file a petitioner or registrar attaches, as it arrives from the web layer. */
public interface Upload {

	String fileName();

	long size();

	InputStream open() throws IOException;

	/** The non-empty files of a multipart form. */
	static List<Upload> of(List<MultipartFile> files) {
		if (files == null) {
			return List.of();
		}
		return files.stream().filter(f -> f != null && !f.isEmpty()).<Upload>map(f -> new Upload() {
			@Override
			public String fileName() {
				return f.getOriginalFilename();
			}

			@Override
			public long size() {
				return f.getSize();
			}

			@Override
			public InputStream open() throws IOException {
				return f.getInputStream();
			}
		}).toList();
	}

}
