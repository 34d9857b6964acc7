package com.xinfang.documents;

import static com.xinfang.documents.DocumentFields.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class DocumentRendererTest {

	static final DocumentRenderer RENDERER = DocumentRenderer.pdf();

	static final Path EXAMPLES = Path.of("target", "documents");

	/** The legal wording each kind must carry, besides its title, number, addressee and date. */
	static final Map<DocumentKind, List<String>> WORDING = Map.of(
			DocumentKind.ACCEPTANCE_NOTICE,
			List.of("《信访工作条例》第二十三条", "予以受理", "《信访工作条例》第三十四条", "自受理之日起60日内办结", "2026年5月4日",
					"延长期限不超过30日", "联系人及电话：王明0736-7212345"),
			DocumentKind.NON_ACCEPTANCE_NOTICE,
			List.of("属于劳动者与用人单位之间的劳动争议。", "应当通过仲裁途径解决", "《信访工作条例》第三十一条", "不予受理",
					"向常德市劳动人事争议仲裁院申请仲裁"),
			DocumentKind.NOT_ACCEPTED_AGAIN_NOTICE,
			List.of("已经湖南省人民政府复核", "2025年11月20日", "同一事实和理由", "《信访工作条例》第三十六条", "不再受理"),
			DocumentKind.TRANSFER_SLIP,
			List.of("转送你单位", "《信访工作条例》第二十二条、第二十三条", "15日内书面告知信访人", "5个工作日内提出异议", "双沟通记录",
					"沟通对象：市住建局信访科刘强", "沟通时间：2026年3月3日10时30分", "同意接收", "2026年3月20日前"),
			DocumentKind.ASSIGNMENT_SLIP,
			List.of("交由你单位办理", "请于2026年4月30日前将办理结果反馈本机关", "办结报告", "《信访工作条例》第二十二条、第二十三条", "沟通对象：武陵区信访局孙丽", "交办意见"),
			DocumentKind.EXTENSION_NOTICE,
			List.of("《信访工作条例》第三十四条", "60日内办结", "经本机关负责人批准", "办理期限延长30日", "至2026年6月3日届满",
					"需调取规划许可"),
			DocumentKind.HANDLING_OPINION,
			List.of("一、信访请求", "二、调查核实情况", "三、处理意见", "《信访工作条例》第三十二条", "本机关予以支持",
					"自收到本意见书之日起30日内", "向常德市人民政府请求复查", "《信访工作条例》第三十五条"),
			DocumentKind.REEXAMINATION_OPINION,
			List.of("你不服常德市住房和城乡建设局于2026年4月28日作出的", "复查请求", "《信访工作条例》第三十五条", "复查结论：维持原处理意见。",
					"向湖南省人民政府请求复核", "《信访工作条例》第三十六条"),
			DocumentKind.REVIEW_OPINION,
			List.of("复核请求", "《信访工作条例》第三十六条", "复核结论：维持复查意见。", "终结意见", "同一事实和理由", "不再受理"),
			DocumentKind.SUPERVISION_ORDER,
			List.of("现予督办", "请于2026年4月10日前将办理情况书面回复本机关", "《信访工作条例》第四十条", "督办要求", "已超过法定办理期限"));

	/** The 人民调解协议书 (《人民调解法》 Art 29) has no addressee and a dispute number: tested on its own below. */
	@ParameterizedTest
	@EnumSource(value = DocumentKind.class, mode = EnumSource.Mode.EXCLUDE, names = "MEDIATION_AGREEMENT")
	void eachKindPrintsItsTitleNumberAddresseeAndLegalWordingInChinese(DocumentKind kind) throws IOException {
		OfficialDocument doc = Samples.of(kind);
		byte[] pdf = RENDERER.render(doc);
		write(kind.name().toLowerCase(Locale.ROOT) + ".pdf", pdf);

		String text = text(pdf);
		assertThat(text).contains(kind.title(), "常住建信〔2026〕12号",
				doc.addresseeName() + "：", doc.issuingUnitName(), DocumentText.date(doc.issuedOn()),
				"信访编号：" + Samples.NUMBER, "第1页共");
		assertThat(text).contains(WORDING.get(kind));
		assertThat(text).doesNotContain("null", "□");
	}

	@Test
	void aLongOpinionSpillsOntoMorePagesWithTheFooterOnEach() throws IOException {
		StringBuilder opinion = new StringBuilder();
		for (int i = 1; i <= 30; i++) {
			opinion.append("第").append(i).append("点：经调查核实，物业服务企业在2026年1月至3月期间共收取停车费42600元，")
				.append("其中地面共有车位收费31200元，地下车库租赁费11400元，收支情况未按规定向全体业主公示。\n");
		}
		OfficialDocument doc = Samples.of(DocumentKind.HANDLING_OPINION).with(OPINION, opinion.toString());
		byte[] pdf = RENDERER.render(doc);
		write("handling_opinion_long.pdf", pdf);

		try (PDDocument pd = Loader.loadPDF(pdf)) {
			int pages = pd.getNumberOfPages();
			assertThat(pages).isGreaterThanOrEqualTo(3);
			for (int p = 1; p <= pages; p++) {
				String page = text(pd, p);
				assertThat(page).as("page %d", p).contains("信访编号：" + Samples.NUMBER, "第" + p + "页共" + pages + "页");
			}
			assertThat(text(pd, 1)).contains(DocumentKind.HANDLING_OPINION.title(), "三、处理意见");
			String all = text(pd, 1, pages);
			for (int i = 1; i <= 30; i++) {
				assertThat(all).contains("第" + i + "点：经调查核实");
			}
			assertThat(text(pd, pages)).contains("第30点", "请求复查", Samples.HOUSING, "2026年3月5日");
		}
	}

	@Test
	void theSignatureIsNeverAloneOnTheLastPage() throws IOException {
		// lengths around a page's capacity: the signature must always share its page with body text
		for (int n = 10; n <= 22; n++) {
			String opinion = "本机关经研究认为，物业服务企业的收费行为违反了有关规定。".repeat(n);
			byte[] pdf = RENDERER.render(Samples.of(DocumentKind.HANDLING_OPINION).with(OPINION, opinion));
			try (PDDocument pd = Loader.loadPDF(pdf)) {
				String last = text(pd, pd.getNumberOfPages());
				assertThat(last).as("%d sentences", n).contains("2026年3月5日");
				assertThat(last.replace("常德市住房和城乡建设局2026年3月5日", "").replaceAll("信访编号：\\w+第\\d+页共\\d+页", ""))
					.as("body text on the signature's page, %d sentences", n)
					.isNotBlank();
			}
		}
	}

	@Test
	void theFontsAreEmbeddedSubsetsAndAOnePageDocumentStaysSmall() throws IOException {
		for (DocumentKind kind : DocumentKind.values()) {
			byte[] pdf = RENDERER.render(Samples.of(kind));
			assertThat(pdf.length).as("%s size", kind).isLessThan(300 * 1024);
			try (PDDocument pd = Loader.loadPDF(pdf)) {
				List<PDFont> fonts = fonts(pd);
				assertThat(fonts).as("%s fonts", kind).isNotEmpty();
				for (PDFont font : fonts) {
					assertThat(font.isEmbedded()).as("%s %s embedded", kind, font.getName()).isTrue();
					assertThat(font.getName()).matches("[A-Z]{6}\\+NotoSerifSC-(Regular|Bold)");
				}
			}
		}
	}

	@Test
	void theMediationAgreementCarriesTheContentsOfArt29AndBlocksToSign() throws IOException {
		OfficialDocument doc = Samples.of(DocumentKind.MEDIATION_AGREEMENT);
		String text = text(RENDERER.render(doc));
		assertThat(text).contains("人民调解协议书", "编号：JF43070220261206000001", "一、当事人的基本情况", "谭春生（申请人）",
				"郭丽华（被申请人）", "二、纠纷的主要事实、争议事项", "防水层老化", "三、各方当事人的责任", "402室业主负有维修责任",
				"四、经调解，各方当事人自愿达成如下协议", "贰仟元整", "五、履行协议的方式、期限", "转账一次付清", "第二十九条", "三十日内",
				"司法确认", "当事人谭春生（签名、盖章或按指印）", "当事人郭丽华（签名、盖章或按指印）", "人民调解员黄调解（签名）",
				"穿紫河街道人民调解委员会（印章）", "纠纷编号：JF43070220261206000001", "一式3份");
		assertThat(text).doesNotContain("null", "□", "信访编号");
		for (String missing : List.of(DocumentFields.PARTIES, FACTS, DocumentFields.RESPONSIBILITIES, DocumentFields.TERMS,
				DocumentFields.PERFORMANCE, DocumentFields.MEDIATOR_NAME)) {
			var fields = new HashMap<>(doc.fields());
			fields.remove(missing);
			var without = new OfficialDocument(doc.kind(), doc.petitionNumber(), doc.issuingUnitName(), doc.issuedOn(), null,
					doc.title(), doc.receivedOn(), fields);
			Assertions.assertThatThrownBy(() -> RENDERER.render(without))
				.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("（" + missing + "）");
		}
	}

	@ParameterizedTest
	@EnumSource(value = DocumentKind.class, mode = EnumSource.Mode.EXCLUDE, names = "MEDIATION_AGREEMENT")
	void missingOptionalFieldsAreLeftOutCleanly(DocumentKind kind) throws IOException {
		byte[] pdf = RENDERER.render(Samples.minimal(kind));
		write("minimal_" + kind.name().toLowerCase(Locale.ROOT) + ".pdf", pdf);
		String text = text(pdf);
		assertThat(text).contains(kind.title(), Samples.NUMBER, "常德市信访局", "2026年3月5日");
		assertThat(text).doesNotContain("null", "“”", "于提出", "（）", "：。", "，，", "□");
	}

	@ParameterizedTest
	@CsvSource({ "支持, 本机关予以支持", "SUPPORT, 本机关予以支持", "解释说明, 本机关对此作出解释说明", "explain, 本机关对此作出解释说明",
			"不予支持, 本机关不予支持", "NOT_SUPPORTED, 本机关不予支持" })
	void theHandlingOpinionStatesItsResultUnderArticle32(String result, String sentence) throws IOException {
		String text = text(RENDERER.render(Samples.of(DocumentKind.HANDLING_OPINION).with(RESULT, result)));
		assertThat(text).contains("依据《信访工作条例》第三十二条的规定，", sentence, "请求复查");
	}

	@Test
	void refusesAnExtensionOfMoreThanThirtyDays() {
		OfficialDocument doc = Samples.of(DocumentKind.EXTENSION_NOTICE);
		assertThatThrownBy(() -> RENDERER.render(doc.with(EXTENSION_DAYS, "45")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("不得超过30日");
		assertThatThrownBy(() -> RENDERER.render(doc.with(EXTENSION_DAYS, "三十")))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> RENDERER.render(doc.with(EXTENSION_DAYS, "0")))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void refusesADocumentWithoutWhatItCannotDoWithout() {
		assertThatThrownBy(() -> RENDERER.render(OfficialDocument.of(DocumentKind.NON_ACCEPTANCE_NOTICE, Samples.NUMBER,
				"常德市信访局", Samples.ISSUED, "张三", null, null).numbered(Samples.DOC_NUMBER)))
			.hasMessageContaining("reason");
		assertThatThrownBy(() -> RENDERER.render(Samples.unnumbered(DocumentKind.ACCEPTANCE_NOTICE)))
			.hasMessageContaining("缺少发文字号");
		assertThatThrownBy(() -> RENDERER.render(Samples.of(DocumentKind.HANDLING_OPINION).with(RESULT, "同意")))
			.hasMessageContaining("支持、解释说明或不予支持");
		assertThatThrownBy(() -> RENDERER.render(OfficialDocument.of(DocumentKind.TRANSFER_SLIP, Samples.NUMBER,
				"常德市信访局", Samples.ISSUED, null, Samples.TITLE, null).numbered(Samples.DOC_NUMBER)))
			.hasMessageContaining("接收单位");
		assertThatThrownBy(() -> Samples.of(DocumentKind.ACCEPTANCE_NOTICE).with("legal_channel", "诉讼"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("legalChannel");
	}

	@Test
	void theStatutoryChannelIsNamedWithItsAction() throws IOException {
		OfficialDocument doc = Samples.of(DocumentKind.NON_ACCEPTANCE_NOTICE);
		assertThat(text(RENDERER.render(doc.with(LEGAL_CHANNEL, "诉讼").with(COMPETENT_AUTHORITY, "常德市武陵区人民法院"))))
			.contains("应当通过诉讼途径解决", "向常德市武陵区人民法院提起诉讼");
		assertThat(text(RENDERER.render(doc.with(LEGAL_CHANNEL, "RECONSIDERATION").with(COMPETENT_AUTHORITY, "常德市人民政府"))))
			.contains("应当通过行政复议途径解决", "向常德市人民政府申请行政复议");
		OfficialDocument noChannel = new OfficialDocument(doc.kind(), doc.petitionNumber(), doc.issuingUnitName(),
				doc.issuedOn(), doc.addresseeName(), doc.title(), doc.receivedOn(),
				Map.of(REASON, "该事项不属于本机关职权范围", COMPETENT_AUTHORITY, "常德市市场监督管理局"), Samples.DOC_NUMBER);
		assertThat(text(RENDERER.render(noChannel))).contains("《信访工作条例》第二十三条", "不予受理", "请你向常德市市场监督管理局提出。")
			.doesNotContain("第三十一条");
	}

	@Test
	void aCharacterTheFontLacksIsReportedAndPrintedAsMissing() throws IOException {
		OfficialDocument rare = Samples.of(DocumentKind.ACCEPTANCE_NOTICE);
		rare = new OfficialDocument(rare.kind(), rare.petitionNumber(), rare.issuingUnitName(), rare.issuedOn(), "王𠮷",
				rare.title(), rare.receivedOn(), rare.fields(), rare.documentNumber());
		assertThat(RENDERER.unsupportedCharacters(rare)).containsExactly("𠮷");
		assertThat(text(RENDERER.render(rare))).contains("王□：");
	}

	@Test
	void namesAndPlacesOfChangdePrintWithoutMissingCharacters() throws IOException {
		String places = "常德市 武陵区 鼎城区 安乡县 汉寿县 澧县 临澧县 桃源县 石门县 津市市 常德经开区 柳叶湖旅游度假区 常德高新区 西湖管理区 西洞庭管理区 桃花源旅游管理区";
		String units = "市住房和城乡建设局 市自然资源和规划局 市人力资源和社会保障局 市农业农村局 市卫生健康委员会 市教育局 市生态环境局 市交通运输局 市民政局 "
				+ "市市场监督管理局 涉法涉诉联合受理中心 市纪委监委 市退役军人事务局 市发展和改革委员会 市水利局 市人民政府办公室";
		String names = "王喆 李堃 张昇 刘玥 陈珺 杨璟 赵燊 黄赟 周祎";
		OfficialDocument doc = Samples.of(DocumentKind.TRANSFER_SLIP).with(SUMMARY, places + "\n" + units + "\n" + names);
		assertThat(RENDERER.unsupportedCharacters(doc)).isEmpty();
		assertThat(text(RENDERER.render(doc))).contains(places.replace(" ", ""), names.replace(" ", ""));
	}

	@Test
	void aBoldCharacterMissingFromTheBoldSubsetIsSetFromTheRegularFont() throws IOException {
		// 澧 is a level-2 hanzi of GB 2312: in the regular font only
		BundledFonts fonts = BundledFonts.get();
		assertThat(fonts.covers(BundledFonts.Face.BOLD, '澧')).isFalse();
		assertThat(fonts.covers(BundledFonts.Face.REGULAR, '澧')).isTrue();
		OfficialDocument doc = Samples.of(DocumentKind.ACCEPTANCE_NOTICE);
		doc = new OfficialDocument(doc.kind(), doc.petitionNumber(), "澧县住房和城乡建设局", doc.issuedOn(), doc.addresseeName(),
				doc.title(), doc.receivedOn(), doc.fields(), doc.documentNumber());
		byte[] pdf = RENDERER.render(doc);
		write("acceptance_notice_lixian.pdf", pdf);
		assertThat(text(pdf)).startsWith("澧县住房和城乡建设局信访事项受理告知书").doesNotContain("□");
	}

	@Test
	void latinTextAndNumbersReadBackAsWritten() throws IOException {
		// the fonts carry OpenType ligature tables; the PDF must still say "office", not a ligature glyph
		OfficialDocument doc = Samples.of(DocumentKind.ACCEPTANCE_NOTICE)
			.with(CONTACT, "office@changde.gov.cn, fifty-five, WiFi 0736-7212345 ext. 8");
		assertThat(text(RENDERER.render(doc))).contains("office@changde.gov.cn,fifty-five,WiFi0736-7212345ext.8");
	}

	@Test
	void rendersTheSameBytesFromManyThreadsAtOnce() throws Exception {
		OfficialDocument doc = Samples.of(DocumentKind.HANDLING_OPINION);
		byte[] expected = RENDERER.render(doc);
		var pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<byte[]>> results = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				results.add(pool.submit(() -> RENDERER.render(doc)));
			}
			for (var result : results) {
				assertThat(result.get()).isEqualTo(expected);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void theFileNameCarriesNumberKindAndDate() {
		assertThat(RENDERER.fileName(Samples.of(DocumentKind.ACCEPTANCE_NOTICE)))
			.isEqualTo("XF430702260302000123_受理告知书_20260305.pdf");
		assertThat(RENDERER.fileName(OfficialDocument.of(DocumentKind.REVIEW_OPINION, "XF/../1 2", "常德市信访局",
				Samples.ISSUED, null, null, null)))
			.isEqualTo("XF12_复核意见书_20260305.pdf");
	}

	@Test
	void measuresSizeAndTime() throws IOException {
		// a record for the report, not an assertion: tests never assert timings
		List<String> report = new ArrayList<>();
		report.add(String.format("fonts read once in %.0f ms", BundledFonts.get().loadNanos() / 1e6));
		for (DocumentKind kind : DocumentKind.values()) {
			report.add(measure(kind.name(), Samples.of(kind)));
		}
		String opinion = "经调查核实，物业服务企业在2026年1月至3月期间共收取停车费42600元，收支情况未按规定向全体业主公示。\n".repeat(60);
		report.add(measure("HANDLING_OPINION (long)", Samples.of(DocumentKind.HANDLING_OPINION).with(OPINION, opinion)));
		Files.createDirectories(EXAMPLES);
		Files.write(EXAMPLES.resolve("measurements.txt"), report);
		report.forEach(System.out::println);
	}

	private static String measure(String name, OfficialDocument doc) throws IOException {
		for (int i = 0; i < 5; i++) {
			RENDERER.render(doc);
		}
		int runs = 30;
		byte[] pdf = null;
		long start = System.nanoTime();
		for (int i = 0; i < runs; i++) {
			pdf = RENDERER.render(doc);
		}
		double ms = (System.nanoTime() - start) / 1e6 / runs;
		try (PDDocument pd = Loader.loadPDF(pdf)) {
			return String.format("%-26s %d page(s) %7d bytes %6.1f ms", name, pd.getNumberOfPages(), pdf.length, ms);
		}
	}

	// ---------------------------------------------------------------- helpers

	static void write(String name, byte[] pdf) throws IOException {
		Files.createDirectories(EXAMPLES);
		Files.write(EXAMPLES.resolve(name), pdf);
	}

	/** The document's text with all white space removed, so line breaks do not split phrases. */
	static String text(byte[] pdf) throws IOException {
		try (PDDocument pd = Loader.loadPDF(pdf)) {
			return text(pd, 1, pd.getNumberOfPages());
		}
	}

	static String text(PDDocument pd, int page) throws IOException {
		return text(pd, page, page);
	}

	static String text(PDDocument pd, int from, int to) throws IOException {
		PDFTextStripper stripper = new PDFTextStripper();
		stripper.setStartPage(from);
		stripper.setEndPage(to);
		return stripper.getText(pd).replaceAll("\\s+", "");
	}

	static List<PDFont> fonts(PDDocument pd) throws IOException {
		List<PDFont> fonts = new ArrayList<>();
		for (PDPage page : pd.getPages()) {
			for (COSName name : page.getResources().getFontNames()) {
				fonts.add(page.getResources().getFont(name));
			}
		}
		return fonts;
	}

}
