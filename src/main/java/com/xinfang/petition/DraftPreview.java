package com.xinfang.petition;

import com.xinfang.documents.DocumentFields;
import com.xinfang.documents.DocumentKind;
import com.xinfang.documents.DocumentNumber;
import com.xinfang.documents.DocumentRenderer;
import com.xinfang.documents.OfficialDocument;
import com.xinfang.identity.Actor;
import com.xinfang.organization.Directory;
import com.xinfang.organization.Unit;
import com.xinfang.platform.DomainException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The draft 处理意见书 as the unit head will sign it, before approval: laid out like the issued one,
 * with the 发文字号 it would take next (read, not taken) and 草稿 across every page. Nothing is stored;
 * only those who draft or approve the reply (handler or head) may see it, while it waits for approval.
 */
@Service
public class DraftPreview {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private final PetitionQueries queries;

	private final ActionPermissions permissions;

	private final DocumentRenderer renderer;

	private final Directory directory;

	private final JdbcClient jdbc;

	private final Clock clock;

	DraftPreview(PetitionQueries queries, ActionPermissions permissions, DocumentRenderer renderer, Directory directory,
			JdbcClient jdbc, Clock clock) {
		this.queries = queries;
		this.permissions = permissions;
		this.renderer = renderer;
		this.directory = directory;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Whether the actor is offered the preview of this matter's draft now. */
	public boolean available(String number, Actor actor) {
		Petition p = queries.load(number, actor);
		return p.status() == Status.REPLY_PENDING_APPROVAL && p.opinion() != null
				&& (permissions.may(actor, p, Action.APPROVE) || permissions.may(actor, p, Action.REPLY));
	}

	@Transactional(readOnly = true)
	public byte[] pdf(String number, Actor actor) {
		Petition p = queries.load(number, actor);
		if (p.status() != Status.REPLY_PENDING_APPROVAL || p.opinion() == null
				|| !(permissions.may(actor, p, Action.APPROVE) || permissions.may(actor, p, Action.REPLY))) {
			throw new DomainException.NotFound("没有待审核的处理意见书");
		}
		LocalDate today = LocalDate.now(clock.withZone(PetitionClocks.BEIJING));
		Unit issuer = directory.unit(p.responsibleUnitCode() == null ? actor.unitCode() : p.responsibleUnitCode())
			.orElseThrow(() -> new DomainException.NotFound("没有待审核的处理意见书"));
		if (issuer.documentCode() == null) {
			throw new DomainException.Conflict("本单位没有机关代字，无法预览处理意见书");
		}
		int next = jdbc.sql("SELECT coalesce(max(last_sequence), 0) + 1 FROM document_number_counter WHERE unit_code = ? AND year = ?")
			.params(issuer.code(), today.getYear())
			.query(Integer.class)
			.single();
		String petitioner = p.petitioners().isEmpty() ? null : p.petitioners().get(0).name();
		var doc = OfficialDocument.of(DocumentKind.HANDLING_OPINION, p.number(), issuer.officialName(), today, petitioner,
				p.title(), PetitionClocks.day(p.receivedAt()))
			.with(DocumentFields.RESULT, p.result() == null ? null : p.result().label())
			.with(DocumentFields.OPINION, p.opinion())
			.with(DocumentFields.ACCEPTED_ON, p.acceptedAt() == null ? null : DAY.format(PetitionClocks.day(p.acceptedAt())))
			.with(DocumentFields.REQUEST, p.content())
			.numbered(new DocumentNumber(issuer.documentCode(), today.getYear(), next));
		try {
			return stamped(renderer.render(doc));
		}
		catch (IllegalArgumentException ex) {
			throw new DomainException.Invalid("document", "处理意见书无法生成：" + ex.getMessage());
		}
	}

	/** 草稿 diagonally across each page, light grey, and a line at the foot saying what the number is. */
	static byte[] stamped(byte[] pdf) {
		try (var doc = Loader.loadPDF(pdf); var fontFile = DraftPreview.class.getClassLoader()
			.getResourceAsStream("fonts/NotoSerifSC-Regular-GB2312.ttf")) {
			PDType0Font font = PDType0Font.load(doc, fontFile, true);
			for (var page : doc.getPages()) {
				var box = page.getMediaBox();
				try (var out = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
					var faint = new PDExtendedGraphicsState();
					faint.setNonStrokingAlphaConstant(0.15f);
					out.setGraphicsStateParameters(faint);
					out.setNonStrokingColor(0.5f, 0.5f, 0.5f);
					out.beginText();
					out.setFont(font, 110);
					out.setTextMatrix(Matrix.getRotateInstance(Math.toRadians(45), box.getWidth() * 0.22f, box.getHeight() * 0.3f));
					out.showText("草稿 未签发");
					out.endText();
					var plain = new PDExtendedGraphicsState();
					plain.setNonStrokingAlphaConstant(1f);
					out.setGraphicsStateParameters(plain);
					out.setNonStrokingColor(0.6f, 0f, 0f);
					out.beginText();
					out.setFont(font, 9);
					out.newLineAtOffset(40, 20);
					out.showText("审核预览：发文字号为预计序号，以审核通过后签发的文书为准。");
					out.endText();
				}
			}
			var bytes = new ByteArrayOutputStream();
			doc.save(bytes);
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
