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
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * 一县一码: one QR code per county or district, printed on posters in its halls, that opens the
 * online intake page with that county chosen.
 */
@Service
public class CountyCodes {

	private static volatile Font captionFont;

	/**
	 * The bundled Chinese font (fonts/NOTICE.txt), all of GB 2312 (澧县, 临澧县): the server may have
	 * none of its own. Drawn bold by Java2D.
	 */
	/** Whether the bundled font draws every character of the caption (no empty boxes on a poster). */
	static boolean captionDrawable(String caption) {
		return captionFont().canDisplayUpTo(caption) == -1;
	}

	private static Font captionFont() {
		if (captionFont == null) {
			try (var in = CountyCodes.class.getClassLoader().getResourceAsStream("fonts/NotoSerifSC-Regular-GB2312.ttf")) {
				captionFont = Font.createFont(Font.TRUETYPE_FONT, in);
			}
			catch (FontFormatException | IOException | RuntimeException ex) {
				captionFont = new Font(Font.SANS_SERIF, Font.BOLD, 12);
			}
		}
		return captionFont;
	}

	private final Directory directory;

	private final String publicBaseUrl;

	CountyCodes(Directory directory, @Value("${xinfang.public-base-url:http://localhost:8080}") String publicBaseUrl) {
		this.directory = directory;
		this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
				: publicBaseUrl;
	}

	public record CountyCode(String regionCode, String name, String url) {

		/** The address up to the path, and the path: printed on two unbreakable pieces, never mid-number. */
		public String host() {
			int i = url.indexOf("/county/");
			return i < 0 ? url : url.substring(0, i);
		}

		public String path() {
			int i = url.indexOf("/county/");
			return i < 0 ? "" : url.substring(i);
		}

	}

	/**
	 * Whether the codes point to an address citizens can reach: unset ({@code XINFANG_PUBLIC_BASE_URL})
	 * the default is this machine, which no phone can open.
	 */
	public boolean publicBaseUrlLocal() {
		String host = URI.create(publicBaseUrl + "/").getHost();
		return host == null || host.equals("localhost") || host.startsWith("127.") || host.equals("0.0.0.0")
				|| host.equals("[::1]") || host.equals("::1");
	}

	public String publicBaseUrl() {
		return publicBaseUrl;
	}

	public List<CountyCode> all() {
		return directory.counties().stream().map(r -> new CountyCode(r.code(), r.name(), url(r.code()))).toList();
	}

	public String url(String regionCode) {
		return publicBaseUrl + "/county/" + regionCode;
	}

	/** The county's name for a file or a caption; "not found" for anything but a county or zone. */
	public String name(String regionCode) {
		return county(regionCode).name();
	}

	private Region county(String regionCode) {
		return directory.region(regionCode)
			.filter(r -> r.level() == Region.Level.COUNTY || r.level() == Region.Level.ZONE)
			.orElseThrow(() -> new DomainException.NotFound("没有这个县市区"));
	}

	/**
	 * A PNG, error correction level M, with a quiet zone, sized for print, captioned below with the
	 * county's name (常德市武陵区 网上信访) so a printed code says where it leads.
	 */
	public byte[] png(String regionCode, int size) {
		Region region = county(regionCode);
		try {
			var matrix = new QRCodeWriter().encode(url(region.code()), BarcodeFormat.QR_CODE, size, size,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2,
							EncodeHintType.CHARACTER_SET, "UTF-8"));
			var code = MatrixToImageWriter.toBufferedImage(matrix);
			int band = Math.max(36, size / 6);
			var image = new BufferedImage(size, size + band, BufferedImage.TYPE_INT_RGB);
			var g = image.createGraphics();
			try {
				g.setColor(Color.WHITE);
				g.fillRect(0, 0, size, size + band);
				g.drawImage(code, 0, 0, null);
				g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
				g.setColor(Color.BLACK);
				String caption = "常德市" + region.name() + " 网上信访";
				var font = captionFont().deriveFont(Font.BOLD, (float) Math.max(12, band * 0.5));
				var metrics = g.getFontMetrics(font);
				while (metrics.stringWidth(caption) > size * 0.92 && font.getSize2D() > 8) {
					font = font.deriveFont(font.getSize2D() - 1);
					metrics = g.getFontMetrics(font);
				}
				g.setFont(font);
				g.drawString(caption, (size - metrics.stringWidth(caption)) / 2, size + (band + metrics.getAscent() - metrics.getDescent()) / 2 - band / 8);
			}
			finally {
				g.dispose();
			}
			var out = new ByteArrayOutputStream();
			ImageIO.write(image, "PNG", out);
			return out.toByteArray();
		}
		catch (WriterException | IOException ex) {
			throw new IllegalStateException("二维码生成失败", ex);
		}
	}

}
