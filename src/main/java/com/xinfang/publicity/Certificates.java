package com.xinfang.publicity;

import com.xinfang.platform.BeijingTime;
import com.xinfang.platform.DomainException;
import com.xinfang.platform.Rows;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Certificates of the public challenge and of staff exams: a random number (XF2026-K7Q4M2PD) that
 * anyone can check on the public page {@code /quiz/certificates/{number}}, which shows what the
 * certificate says (the holder masked). Drawn as a PNG with the bundled font, so it looks the same
 * on every server.
 */
@Service
public class Certificates {

	static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private final JdbcClient jdbc;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	private volatile Font font;

	Certificates(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public record Certificate(String number, String kind, String holder, String title, int score, OffsetDateTime issuedAt) {

		public String issuedOn() {
			return issuedAt.atZoneSameInstant(BeijingTime.ZONE).format(DATE);
		}

	}

	String newNumber() {
		StringBuilder s = new StringBuilder("XF").append(OffsetDateTime.now(clock).atZoneSameInstant(BeijingTime.ZONE).getYear()).append('-');
		for (int i = 0; i < 8; i++) {
			s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return s.toString();
	}

	/** Issues (once) the certificate of an eligible challenge round; the same number on a second request. */
	@Transactional
	public Certificate issueForRound(Challenge.Result result) {
		if (!result.certificateEligible()) {
			throw new DomainException.Conflict(result.claimed() ? "得分达到合格分数才能领取证书" : "请先验证手机号并登记成绩");
		}
		String holder = result.nickname() + "（" + result.phoneMask() + "）";
		jdbc.sql("""
				INSERT INTO quiz_certificate (number, kind, holder, title, score, issued_at, round_id) VALUES (?, 'QUIZ', ?, ?, ?, ?, ?)
				ON CONFLICT (round_id) DO NOTHING""")
			.params(newNumber(), holder, "信访工作法治化线上答题·等你来挑战", result.score(), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
					result.roundId())
			.update();
		return jdbc.sql("SELECT number, kind, holder, title, score, issued_at FROM quiz_certificate WHERE round_id = ?")
			.param(result.roundId())
			.query(Rows.of(Certificate.class))
			.single();
	}

	/** Issues (once) the certificate of a passed staff exam attempt. */
	@Transactional
	public Certificate issueForAttempt(long attemptId, String holder, String title, int score) {
		jdbc.sql("""
				INSERT INTO quiz_certificate (number, kind, holder, title, score, issued_at, attempt_id) VALUES (?, 'EXAM', ?, ?, ?, ?, ?)
				ON CONFLICT (attempt_id) DO NOTHING""")
			.params(newNumber(), holder, title, score, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), attemptId)
			.update();
		return jdbc.sql("SELECT number, kind, holder, title, score, issued_at FROM quiz_certificate WHERE attempt_id = ?")
			.param(attemptId)
			.query(Rows.of(Certificate.class))
			.single();
	}

	@Transactional(readOnly = true)
	public Optional<Certificate> find(String number) {
		if (number == null || !number.strip().toUpperCase().matches("XF\\d{4}-[" + ALPHABET + "]{8}")) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT number, kind, holder, title, score, issued_at FROM quiz_certificate WHERE number = ?")
			.param(number.strip().toUpperCase())
			.query(Rows.of(Certificate.class))
			.optional();
	}

	/** The certificate as a 1200×850 PNG. */
	public byte[] png(Certificate c, String verifyUrl) {
		BufferedImage img = new BufferedImage(1200, 850, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = img.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setColor(new Color(255, 252, 245));
			g.fillRect(0, 0, 1200, 850);
			g.setColor(new Color(178, 34, 34));
			g.setStroke(new BasicStroke(10));
			g.drawRect(30, 30, 1140, 790);
			g.setStroke(new BasicStroke(2));
			g.drawRect(48, 48, 1104, 754);
			Font base = font();
			centre(g, base.deriveFont(Font.BOLD, 72f), "荣 誉 证 书", 190);
			g.setColor(new Color(40, 40, 40));
			centre(g, base.deriveFont(34f), c.holder(), 320);
			String line = "EXAM".equals(c.kind()) ? "参加“" + c.title() + "”，成绩合格（" + c.score() + "分）。"
					: "在“" + c.title() + "”中获得" + c.score() + "分，成绩合格。";
			centre(g, base.deriveFont(30f), line, 400);
			centre(g, base.deriveFont(30f), "特发此证，以资鼓励。", 460);
			g.setFont(base.deriveFont(26f));
			g.drawString("常德市信访局", 820, 620);
			g.drawString(c.issuedOn(), 800, 665);
			g.setFont(base.deriveFont(22f));
			g.setColor(new Color(90, 90, 90));
			g.drawString("证书编号：" + c.number(), 110, 720);
			g.drawString("查验：" + verifyUrl, 110, 760);
		}
		finally {
			g.dispose();
		}
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			ImageIO.write(img, "png", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void centre(Graphics2D g, Font f, String text, int y) {
		g.setFont(f);
		int w = g.getFontMetrics().stringWidth(text);
		g.drawString(text, (1200 - w) / 2, y);
	}

	private Font font() {
		Font f = font;
		if (f == null) {
			try (InputStream in = new ClassPathResource("fonts/NotoSerifSC-Regular-GB2312.ttf").getInputStream()) {
				f = Font.createFont(Font.TRUETYPE_FONT, in);
			}
			catch (IOException | FontFormatException ex) {
				throw new IllegalStateException("bundled font missing", ex);
			}
			font = f;
		}
		return f;
	}

}
