package com.xinfang.documents;

import static com.xinfang.documents.DocumentFields.CONTACT;
import static com.xinfang.documents.DocumentFields.FACTS;
import static com.xinfang.documents.DocumentFields.OPINION;
import static com.xinfang.documents.DocumentFields.REQUEST;
import static com.xinfang.documents.DocumentFields.SUMMARY;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a clerk checks before signing, read back from the PDF page by page: the 发文字号 under the
 * title, the request quoted in full, and the signature and date on the page of the last
 * paragraph's last line with no page before it left a third empty.
 */
class DocumentLayoutTest {

	static final DocumentRenderer RENDERER = DocumentRenderer.pdf();

	static final float MM = 72f / 25.4f;

	/** Top of the text area and its height, from the top of the page (GB/T 9704). */
	static final float TEXT_TOP = 37 * MM;

	static final float TEXT_HEIGHT = 225 * MM;

	/** The footer's baseline (20 mm above the bottom edge), measured from the top. */
	static final float FOOTER = (297 - 20) * MM - 2;

	@ParameterizedTest
	@EnumSource(value = DocumentKind.class, mode = EnumSource.Mode.EXCLUDE, names = "MEDIATION_AGREEMENT") // a committee's agreement, not a government document
	void theNumberLineIsTheIssuersDocumentNumberNotThePetitionNumber(DocumentKind kind) throws IOException {
		List<Page> pages = pages(RENDERER.render(Samples.of(kind)));
		List<String> first = pages.get(0).lines();
		int title = first.indexOf(kind.title());
		assertThat(title).as("title line of %s in %s", kind, first).isGreaterThanOrEqualTo(0);
		assertThat(first.get(title + 1)).isEqualTo("常住建信〔2026〕12号").matches(DocumentNumber.FORMAT);
		assertThat(String.join("", first)).doesNotContain("〔2026〕第", "第XF");
	}

	@Test
	void theDocumentNumberReadsAsGbT9704WritesIt() {
		assertThat(new DocumentNumber("常人社信", 2026, 12)).hasToString("常人社信〔2026〕12号");
		assertThat(DocumentNumber.parse("常人社信〔2026〕12号")).contains(new DocumentNumber("常人社信", 2026, 12));
		assertThat(DocumentNumber.parse("〔2026〕第XF430702260302000123号")).isEmpty();
		assertThat(DocumentNumber.parse("常人社信〔2026〕012号")).isEmpty();
	}

	@Test
	void theRequestIsQuotedInFullHoweverLong() throws IOException {
		StringBuilder request = new StringBuilder();
		for (int i = 1; i <= 12; i++) {
			request.append("第").append(i).append("项请求：请求责令物业服务企业停止收取地面共有车位停车费，退还2026年").append(i)
				.append("月已收取的费用共计").append(300 * i).append("元，并按规定公示收支情况。");
		}
		request.append("以上请求按规定补发到位。");
		byte[] pdf = RENDERER.render(Samples.of(DocumentKind.HANDLING_OPINION).with(REQUEST, request.toString()));
		DocumentRendererTest.write("handling_opinion_long_request.pdf", pdf);
		assertThat(bodyText(pdf)).contains(request).doesNotContain("…");
	}

	@Test
	void aSlipCarriesTheWholeContentOfTheMatter() throws IOException {
		String content = "信访人反映：小区物业服务企业自2026年1月起对地面共有车位收取停车费，未经业主大会表决，也未公示收支情况。".repeat(8)
				+ "信访人请求：停止收费，退还已收取的费用。";
		byte[] pdf = RENDERER.render(Samples.of(DocumentKind.TRANSFER_SLIP).with(SUMMARY, content));
		assertThat(bodyText(pdf)).contains(content);
	}

	/**
	 * Every length of opinion from a few lines to several pages, with and without the contact note:
	 * the date is on the page of the last paragraph's last line (and of the two lines before 特此告知),
	 * and no page before it is less than two thirds full.
	 */
	@Test
	void theSignatureAndDateStayWithTheLastParagraphAndNoPageIsLeftAThirdEmpty() throws IOException {
		String sentence = "本机关经研究认为，物业服务企业的收费行为违反了有关规定。";
		int squeezed = 0;
		for (boolean note : new boolean[] { true, false }) {
			for (int n = 1; n <= 70; n++) {
				OfficialDocument doc = Samples.of(DocumentKind.HANDLING_OPINION)
					.with(OPINION, sentence.repeat(n) + "\n" + "请物业服务企业在30日内整改到位。".repeat(1 + n % 4))
					.with(FACTS, n % 3 == 0 ? "经调查核实，情况属实。\n" + "收费未经业主大会决定。".repeat(n % 7 + 1) : "经调查核实，情况属实。");
				if (!note) {
					doc = new OfficialDocument(doc.kind(), doc.petitionNumber(), doc.issuingUnitName(), doc.issuedOn(),
							doc.addresseeName(), doc.title(), doc.receivedOn(), withoutContact(doc), doc.documentNumber());
				}
				byte[] pdf = RENDERER.render(doc);
				if (note && (n == 15 || n == 40)) {
					DocumentRendererTest.write("layout_" + n + ".pdf", pdf); // to look at
				}
				List<Page> pages = pages(pdf);
				String label = String.format(Locale.ROOT, "%d sentences, note %s", n, note);
				Page last = pages.get(pages.size() - 1);
				String lastText = String.join("", last.lines());
				assertThat(lastText).as(label).contains("常德市住房和城乡建设局2026年3月5日");
				// the closing paragraph (…请求复查。) ends on the date's page, with 特此告知。 and a line before it
				assertThat(last.lines()).as(label).contains("特此告知。");
				int closing = last.lines().indexOf("特此告知。");
				assertThat(closing).as("a body line before 特此告知。 on the date's page, " + label).isGreaterThanOrEqualTo(1);
				assertThat(last.lines().get(closing - 1)).as(label).endsWith("请求复查。");
				for (int p = 0; p < pages.size() - 1; p++) {
					assertThat(pages.get(p).fill()).as("page %d of %d filled, %s", p + 1, pages.size(), label)
						.isGreaterThanOrEqualTo(2f / 3);
				}
				if (last.lineGap() < 28.9f) {
					if (squeezed++ == 0) {
						DocumentRendererTest.write("layout_squeezed.pdf", pdf);
					}
				}
			}
		}
		assertThat(squeezed).as("some endings were kept on their page by tighter spacing").isPositive();
	}

	@ParameterizedTest
	@EnumSource(value = DocumentKind.class, mode = EnumSource.Mode.EXCLUDE, names = "MEDIATION_AGREEMENT") // a committee's agreement, not a government document
	void noKindLeavesAPageAThirdEmptyBeforeItsSignature(DocumentKind kind) throws IOException {
		for (int n = 0; n <= 30; n++) {
			OfficialDocument doc = Samples.of(kind);
			String extra = "经调查核实，物业服务企业在2026年1月至3月期间共收取停车费42600元，收支情况未按规定向全体业主公示。".repeat(n);
			doc = kind.isSlip() ? doc.with(SUMMARY, doc.field(SUMMARY).orElse("") + extra)
					: doc.with(FACTS, doc.field(FACTS).orElse("经调查核实。") + extra);
			List<Page> pages = pages(RENDERER.render(doc));
			String issued = DocumentText.date(doc.issuedOn());
			assertThat(String.join("", pages.get(pages.size() - 1).lines())).as("%s %d", kind, n).contains(issued);
			for (int p = 0; p < pages.size() - 1; p++) {
				assertThat(pages.get(p).fill()).as("%s %d: page %d of %d", kind, n, p + 1, pages.size())
					.isGreaterThanOrEqualTo(2f / 3);
			}
		}
	}

	private static Map<String, String> withoutContact(OfficialDocument doc) {
		var fields = new LinkedHashMap<>(doc.fields());
		fields.remove(CONTACT);
		return fields;
	}

	// ---------------------------------------------------------------- reading the PDF back

	/** All pages' body text without the footers, white space removed. */
	static String bodyText(byte[] pdf) throws IOException {
		StringBuilder all = new StringBuilder();
		for (Page page : pages(pdf)) {
			page.lines().forEach(all::append);
		}
		return all.toString();
	}

	/** A page's body lines top to bottom (white space removed), and how far down its text reaches. */
	record Page(List<String> lines, List<Float> baselines) {

		/** The share of the text area above the last body line's baseline. */
		float fill() {
			return baselines.isEmpty() ? 0 : (baselines.get(baselines.size() - 1) - TEXT_TOP) / TEXT_HEIGHT;
		}

		/** The smallest distance between two consecutive body lines of the same size. */
		float lineGap() {
			float min = Float.MAX_VALUE;
			for (int i = 1; i < baselines.size(); i++) {
				min = Math.min(min, baselines.get(i) - baselines.get(i - 1));
			}
			return min;
		}

	}

	static List<Page> pages(byte[] pdf) throws IOException {
		try (PDDocument pd = Loader.loadPDF(pdf)) {
			List<Page> pages = new ArrayList<>();
			for (int p = 1; p <= pd.getNumberOfPages(); p++) {
				TreeMap<Float, StringBuilder> lines = new TreeMap<>();
				PDFTextStripper stripper = new PDFTextStripper() {
					@Override
					protected void writeString(String text, List<TextPosition> positions) {
						for (TextPosition t : positions) {
							float y = t.getYDirAdj();
							if (y >= FOOTER || t.getUnicode().isBlank()) {
								continue;
							}
							// characters of one line share a baseline (to within rounding)
							Float key = lines.floorKey(y + 0.5f);
							if (key == null || y - key > 0.5f) {
								key = y;
							}
							lines.computeIfAbsent(key, k -> new StringBuilder()).append(t.getUnicode());
						}
					}
				};
				stripper.setStartPage(p);
				stripper.setEndPage(p);
				stripper.setSortByPosition(true);
				stripper.getText(pd);
				pages.add(new Page(lines.values().stream().map(b -> b.toString().replaceAll("\\s+", "")).toList(),
						List.copyOf(lines.keySet())));
			}
			return pages;
		}
	}

}
