package com.xinfang.intake;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.xinfang.organization.Directory;
import com.xinfang.organization.Region;
import com.xinfang.platform.DomainException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * 一县一码: one QR code per county or district, printed on posters in its halls, that opens the
 * online intake page with that county chosen.
 */
@Service
public class CountyCodes {

	private final Directory directory;

	private final String publicBaseUrl;

	CountyCodes(Directory directory, @Value("${xinfang.public-base-url:http://localhost:8080}") String publicBaseUrl) {
		this.directory = directory;
		this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
				: publicBaseUrl;
	}

	public record CountyCode(String regionCode, String name, String url) {
	}

	public List<CountyCode> all() {
		return directory.counties().stream().map(r -> new CountyCode(r.code(), r.name(), url(r.code()))).toList();
	}

	public String url(String regionCode) {
		return publicBaseUrl + "/county/" + regionCode;
	}

	/** A PNG, error correction level M, with a quiet zone, sized for print. */
	public byte[] png(String regionCode, int size) {
		Region region = directory.region(regionCode)
			.filter(r -> r.level() == Region.Level.COUNTY || r.level() == Region.Level.ZONE)
			.orElseThrow(() -> new DomainException.NotFound("没有这个县市区"));
		try {
			var matrix = new QRCodeWriter().encode(url(region.code()), BarcodeFormat.QR_CODE, size, size,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2,
							EncodeHintType.CHARACTER_SET, "UTF-8"));
			var out = new ByteArrayOutputStream();
			MatrixToImageWriter.writeToStream(matrix, "PNG", out);
			return out.toByteArray();
		}
		catch (WriterException | IOException ex) {
			throw new IllegalStateException("二维码生成失败", ex);
		}
	}

}
