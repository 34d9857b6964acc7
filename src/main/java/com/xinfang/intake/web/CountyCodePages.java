package com.xinfang.intake.web;

import com.xinfang.intake.CountyCodes;
import com.xinfang.platform.PageController;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** 一县一码 for administrators: the list, and each county's printable PNG. */
@PageController
class CountyCodePages {

	private final CountyCodes codes;

	CountyCodePages(CountyCodes codes) {
		this.codes = codes;
	}

	@GetMapping("/admin/county-codes")
	String list(Model model) {
		model.addAttribute("codes", codes.all());
		model.addAttribute("baseUrl", codes.publicBaseUrl());
		model.addAttribute("baseUrlLocal", codes.publicBaseUrlLocal());
		return "admin/county-codes";
	}

	@GetMapping(value = "/admin/county-codes/{code}.png", produces = MediaType.IMAGE_PNG_VALUE)
	ResponseEntity<byte[]> png(@PathVariable String code, @RequestParam(defaultValue = "480") int size,
			@RequestParam(defaultValue = "false") boolean download) {
		int px = Math.max(120, Math.min(size, 2000));
		byte[] png = codes.png(code, px);
		var disposition = (download ? ContentDisposition.attachment() : ContentDisposition.inline())
			.filename(codes.name(code) + "网上信访二维码.png", StandardCharsets.UTF_8)
			.build();
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noCache())
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			.body(png);
	}

}
