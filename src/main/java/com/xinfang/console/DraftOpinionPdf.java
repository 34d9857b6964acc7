package com.xinfang.console;

import com.xinfang.identity.Actor;
import com.xinfang.petition.DraftPreview;
import com.xinfang.platform.PageController;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The unit head reads the draft 处理意见书 as a PDF before approving it (DraftPreview). */
@PageController
class DraftOpinionPdf {

	private final DraftPreview preview;

	DraftOpinionPdf(DraftPreview preview) {
		this.preview = preview;
	}

	@GetMapping("/console/petitions/{number}/draft-opinion.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable String number, Actor actor) {
		byte[] pdf = preview.pdf(number, actor);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.cacheControl(CacheControl.noStore().cachePrivate())
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
				.filename(number + "_处理意见书_草稿.pdf", StandardCharsets.UTF_8)
				.build()
				.toString())
			.body(pdf);
	}

}
